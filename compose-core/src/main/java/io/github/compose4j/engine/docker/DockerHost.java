package io.github.compose4j.engine.docker;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.Objects;

/**
 * A daemon address in the docker CLI's normalised form: {@code unix:///path} or {@code tcp://host:port[/base]}.
 * Parsing follows the CLI (v26) rules for {@code DOCKER_HOST}; other schemes the CLI accepts (ssh, fd, npipe) are
 * parsed but refused by {@link #requireSupported()}.
 */
public final class DockerHost {
    /** The address used when nothing is configured. */
    public static final String DEFAULT_UNIX = "unix:///var/run/docker.sock";

    private static final String DEFAULT_TCP_HOST = "localhost";
    private static final String DEFAULT_TCP_PORT = "2375";
    private static final String DEFAULT_TLS_PORT = "2376";

    private final String address;
    private final String scheme;
    private final String hostName;
    private final int port;
    private final String path;

    private DockerHost(String address, String scheme, String hostName, int port, String path) {
        this.address = address;
        this.scheme = scheme;
        this.hostName = hostName;
        this.port = port;
        this.path = path;
    }

    /**
     * Parses a {@code DOCKER_HOST} value the way the docker CLI does: blank means the default socket (or
     * {@code tcp://localhost:2376} when TLS is on), no scheme means tcp, tcp gets default host and port 2375.
     *
     * @throws IllegalArgumentException with the CLI's wording when the value is malformed
     */
    public static DockerHost parse(String value, boolean defaultToTls) {
        String trimmed = value == null ? "" : value.strip();
        if (trimmed.isEmpty()) {
            return defaultToTls ? tcp(DEFAULT_TCP_HOST, DEFAULT_TLS_PORT, "") : parseNormalised(DEFAULT_UNIX);
        }
        int sep = trimmed.indexOf("://");
        String proto = sep < 0 ? "tcp" : trimmed.substring(0, sep);
        String rest = sep < 0 ? trimmed : trimmed.substring(sep + 3);
        switch (proto) {
            case "tcp":
                return parseTcp(rest);
            case "unix":
                return simple("unix", rest, "/var/run/docker.sock");
            case "npipe":
                return simple("npipe", rest, "//./pipe/docker_engine");
            case "fd":
            case "ssh":
                return new DockerHost(trimmed, proto, null, -1, null);
            default:
                throw new IllegalArgumentException("invalid bind address format: " + trimmed);
        }
    }

    /**
     * Reads an address that was stored already normalised (a context's {@code Endpoints.docker.Host}); like the
     * Go client it is taken as a URL without defaults being filled in, except a missing tcp port.
     */
    public static DockerHost parseNormalised(String value) {
        int sep = value.indexOf("://");
        if (sep < 0) {
            throw new IllegalArgumentException("unable to parse docker host `" + value + "`");
        }
        String proto = value.substring(0, sep);
        String rest = value.substring(sep + 3);
        switch (proto) {
            case "unix":
            case "npipe":
                return new DockerHost(value, proto, null, -1, rest);
            case "tcp":
            case "http":
            case "https":
                return parseTcp(rest);
            default:
                return new DockerHost(value, proto, null, -1, null);
        }
    }

    private static DockerHost simple(String proto, String rest, String defaultPath) {
        String addr = rest.startsWith(proto + "://") ? rest.substring(proto.length() + 3) : rest;
        if (addr.contains("://")) {
            throw new IllegalArgumentException("invalid proto, expected " + proto + ": " + addr);
        }
        if (addr.isEmpty()) {
            addr = defaultPath;
        }
        return new DockerHost(proto + "://" + addr, proto, null, -1, addr);
    }

    private static DockerHost parseTcp(String tryAddr) {
        if (tryAddr.isEmpty() || tryAddr.equals("tcp://")) {
            return tcp(DEFAULT_TCP_HOST, DEFAULT_TCP_PORT, "");
        }
        String addr = tryAddr.startsWith("tcp://") ? tryAddr.substring(6) : tryAddr;
        if (addr.contains("://") || addr.isEmpty()) {
            throw new IllegalArgumentException("invalid proto, expected tcp: " + tryAddr);
        }
        if (addr.endsWith("]:")) {
            addr += DEFAULT_TCP_PORT;
        }
        URI uri;
        try {
            uri = new URI("tcp://" + addr);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("invalid bind address format: " + tryAddr, e);
        }
        String authority = uri.getRawAuthority() == null ? "" : uri.getRawAuthority();
        String host;
        String port;
        if (authority.startsWith("[")) {
            int close = authority.indexOf(']');
            if (close < 0) {
                throw new IllegalArgumentException("invalid bind address format: " + tryAddr);
            }
            host = authority.substring(1, close);
            String after = authority.substring(close + 1);
            if (!after.isEmpty() && !after.startsWith(":")) {
                throw new IllegalArgumentException("invalid bind address format: " + tryAddr);
            }
            port = after.isEmpty() ? "" : after.substring(1);
        } else {
            int colon = authority.lastIndexOf(':');
            String tail = colon < 0 ? "" : authority.substring(colon + 1);
            if (!tail.chars().allMatch(Character::isDigit)) {
                // Go's url.Parse wording, which the CLI passes through
                throw new IllegalArgumentException("parse \"tcp://" + addr + "\": invalid port \":" + tail
                    + "\" after host");
            }
            if (colon >= 0 && authority.indexOf(':') != colon) {
                // Several colons without brackets: the CLI takes it all as an IPv6 host on the default port.
                host = authority;
                port = "";
            } else {
                host = colon < 0 ? authority : authority.substring(0, colon);
                port = tail;
            }
        }
        if (host.isEmpty()) {
            host = DEFAULT_TCP_HOST;
        }
        if (port.isEmpty()) {
            port = DEFAULT_TCP_PORT;
        }
        if (!port.chars().allMatch(Character::isDigit) || port.length() > 9) {
            throw new IllegalArgumentException("invalid bind address format: " + tryAddr);
        }
        String path = uri.getRawPath() == null ? "" : uri.getRawPath();
        return tcp(host, port, path);
    }

    private static DockerHost tcp(String host, String port, String path) {
        String hostPort = host.contains(":") ? "[" + host + "]:" + port : host + ":" + port;
        return new DockerHost("tcp://" + hostPort + path, "tcp", host, Integer.parseInt(port), path);
    }

    /** Fails with a clear message for the schemes the docker CLI knows but compose4j cannot dial. */
    public DockerHost requireSupported() {
        if (isUnix() || isTcp()) {
            return this;
        }
        String why = switch (scheme) {
            case "ssh" -> "ssh:// daemon hosts are not supported by compose4j; "
                + "forward the remote socket instead (ssh -L /tmp/docker.sock:/var/run/docker.sock HOST) "
                + "and set DOCKER_HOST=unix:///tmp/docker.sock";
            case "npipe" -> "npipe:// daemon hosts (Windows named pipes) are not supported by compose4j";
            case "fd" -> "fd:// daemon hosts are not supported by compose4j";
            default -> "unsupported daemon host scheme " + scheme + "://";
        };
        throw new IllegalArgumentException(why + ": " + address);
    }

    public boolean isUnix() {
        return scheme.equals("unix");
    }

    public boolean isTcp() {
        return scheme.equals("tcp");
    }

    public String scheme() {
        return scheme;
    }

    /** The socket file of a unix address. */
    public Path socketPath() {
        if (!isUnix()) {
            throw new IllegalStateException("not a unix socket address: " + address);
        }
        return Path.of(path);
    }

    /** Host name or IP literal (without brackets) of a tcp address. */
    public String hostName() {
        return hostName;
    }

    public int port() {
        return port;
    }

    /** Path prefix a tcp address carries ({@code tcp://h:1/prefix}), prepended to every request; else empty. */
    public String basePath() {
        return isTcp() ? path : "";
    }

    /** The normalised address, as the CLI prints it in "Cannot connect to the Docker daemon at ...". */
    @Override
    public String toString() {
        return address;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof DockerHost other && other.address.equals(address);
    }

    @Override
    public int hashCode() {
        return Objects.hash(address);
    }
}
