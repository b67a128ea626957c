package io.github.compose4j.engine.docker;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.compose4j.error.ComposeException;
import io.github.compose4j.error.Failure;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Where and how to reach the Docker daemon, resolved exactly like the docker CLI (v26) does it:
 * <ol>
 *   <li>a non-empty {@code DOCKER_HOST} selects the "default" context, even when {@code DOCKER_CONTEXT} is set;</li>
 *   <li>else a non-empty {@code DOCKER_CONTEXT} names the context;</li>
 *   <li>else {@code currentContext} of {@code $DOCKER_CONFIG/config.json} (default {@code ~/.docker});</li>
 *   <li>else "default".</li>
 * </ol>
 * The "default" context takes {@code DOCKER_HOST} (default {@code unix:///var/run/docker.sock}) and its TLS from
 * {@code DOCKER_TLS}/{@code DOCKER_TLS_VERIFY} (any non-empty value, even "0", turns them on) with the PEM files in
 * {@code DOCKER_CERT_PATH} (default: the config directory). A named context is read from the context store under
 * the config directory.
 */
public final class DockerEndpoint {
    public static final String DEFAULT_CONTEXT = "default";

    private static final String FAILED = "Failed to initialize: unable to resolve docker endpoint: ";

    private final DockerHost host;
    private final String contextName;
    private final TlsMaterial tls;
    private final Path configDir;
    private final String apiVersionOverride;
    private final List<String> warnings;

    private DockerEndpoint(DockerHost host, String contextName, TlsMaterial tls, Path configDir,
                           String apiVersionOverride, List<String> warnings) {
        this.host = Objects.requireNonNull(host);
        this.contextName = Objects.requireNonNull(contextName);
        this.tls = host.isUnix() ? null : tls;
        this.configDir = Objects.requireNonNull(configDir);
        this.apiVersionOverride = apiVersionOverride;
        this.warnings = List.copyOf(warnings);
    }

    /** An endpoint for a fixed address with no TLS, for tests and explicit overrides. */
    public static DockerEndpoint of(String dockerHost, Path configDir) {
        return new DockerEndpoint(DockerHost.parse(dockerHost, false).requireSupported(), DEFAULT_CONTEXT, null,
            configDir, null, List.of());
    }

    /**
     * Resolves the endpoint from environment variables and the files under the docker config directory.
     *
     * @param env  the process environment (only DOCKER_* variables are read)
     * @param home the user's home directory, for the default {@code ~/.docker}
     * @throws ComposeException (GENERAL) when the configuration names a missing context, a malformed host,
     *                          unreadable TLS files or an address compose4j cannot dial (ssh://, npipe://, fd://)
     */
    public static DockerEndpoint resolve(Map<String, String> env, Path home) {
        Path configDir = nonEmpty(env.get("DOCKER_CONFIG")) ? Path.of(env.get("DOCKER_CONFIG"))
            : home.resolve(".docker");
        List<String> warnings = new ArrayList<>();
        String apiVersion = nonEmpty(env.get("DOCKER_API_VERSION")) ? env.get("DOCKER_API_VERSION") : null;
        String context = contextName(env, configDir, warnings);
        try {
            if (context.equals(DEFAULT_CONTEXT)) {
                return defaultContext(env, configDir, apiVersion, warnings);
            }
            return namedContext(context, configDir, apiVersion, warnings);
        } catch (IllegalArgumentException e) {
            throw new ComposeException(Failure.GENERAL, FAILED + e.getMessage(), e);
        }
    }

    private static String contextName(Map<String, String> env, Path configDir, List<String> warnings) {
        if (nonEmpty(env.get("DOCKER_HOST"))) {
            return DEFAULT_CONTEXT;
        }
        if (nonEmpty(env.get("DOCKER_CONTEXT"))) {
            return env.get("DOCKER_CONTEXT");
        }
        Path configFile = configDir.resolve("config.json");
        if (Files.isRegularFile(configFile)) {
            try {
                JsonNode current = EngineJson.read(Files.readAllBytes(configFile)).path("currentContext");
                if (current.isTextual() && !current.asText().isEmpty()) {
                    return current.asText();
                }
            } catch (IOException e) {
                // The CLI warns and carries on with defaults.
                warnings.add("Error loading config file: " + configFile + ": " + firstLine(e.getMessage()));
            }
        }
        return DEFAULT_CONTEXT;
    }

    private static DockerEndpoint defaultContext(Map<String, String> env, Path configDir, String apiVersion,
                                                 List<String> warnings) {
        boolean verify = nonEmpty(env.get("DOCKER_TLS_VERIFY"));
        boolean useTls = verify || nonEmpty(env.get("DOCKER_TLS"));
        DockerHost host = DockerHost.parse(env.getOrDefault("DOCKER_HOST", ""), useTls).requireSupported();
        TlsMaterial tls = null;
        if (useTls) {
            Path certPath = nonEmpty(env.get("DOCKER_CERT_PATH")) ? Path.of(env.get("DOCKER_CERT_PATH")) : configDir;
            byte[] ca = read(certPath.resolve("ca.pem"));
            byte[] cert = readIfExists(certPath.resolve("cert.pem"));
            byte[] key = readIfExists(certPath.resolve("key.pem"));
            tls = new TlsMaterial(ca, cert, key, !verify);
        }
        if (host.isTcp() && tls == null && !loopback(host.hostName())) {
            warnings.add("DOCKER_HOST " + host + " is a remote daemon reached without TLS: anyone on the network can "
                + "read and drive it (set DOCKER_TLS_VERIFY=1 and DOCKER_CERT_PATH)");
        }
        return new DockerEndpoint(host, DEFAULT_CONTEXT, tls, configDir, apiVersion, warnings);
    }

    private static DockerEndpoint namedContext(String name, Path configDir, String apiVersion,
                                               List<String> warnings) {
        String id = contextId(name);
        Path metaFile = configDir.resolve("contexts").resolve("meta").resolve(id).resolve("meta.json");
        JsonNode meta;
        try {
            meta = EngineJson.read(Files.readAllBytes(metaFile));
        } catch (NoSuchFileException e) {
            throw new IllegalArgumentException("context \"" + name + "\": context not found: open " + metaFile
                + ": no such file or directory", e);
        } catch (IOException e) {
            throw new IllegalArgumentException("context \"" + name + "\": parsing " + metaFile + ": "
                + firstLine(e.getMessage()), e);
        }
        JsonNode docker = meta == null ? null : meta.path("Endpoints").get("docker");
        if (docker == null || !docker.isObject()) {
            throw new IllegalArgumentException("cannot find docker endpoint in context");
        }
        String hostValue = docker.path("Host").asText("");
        DockerHost host = (hostValue.isEmpty() ? DockerHost.parseNormalised(DockerHost.DEFAULT_UNIX)
            : DockerHost.parseNormalised(hostValue)).requireSupported();
        boolean skipVerify = docker.path("SkipTLSVerify").asBoolean(false);
        Path tlsDir = configDir.resolve("contexts").resolve("tls").resolve(id).resolve("docker");
        TlsMaterial tls = null;
        if (Files.isDirectory(tlsDir)) {
            tls = new TlsMaterial(readIfExists(tlsDir.resolve("ca.pem")), readIfExists(tlsDir.resolve("cert.pem")),
                readIfExists(tlsDir.resolve("key.pem")), skipVerify);
        } else if (skipVerify) {
            tls = new TlsMaterial(null, null, null, true);
        }
        return new DockerEndpoint(host, name, tls, configDir, apiVersion, warnings);
    }

    /** The context store keys directories by the SHA-256 of the context name. */
    static String contextId(String name) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(name.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] read(Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw new IllegalArgumentException("open " + file + ": no such file or directory", e);
        } catch (IOException e) {
            throw new IllegalArgumentException("open " + file + ": " + e.getMessage(), e);
        }
    }

    private static byte[] readIfExists(Path file) {
        return Files.exists(file) ? read(file) : null;
    }

    /** Whether a host name is this machine's loopback, without asking DNS (a name that needs resolving is remote). */
    static boolean loopback(String hostName) {
        String h = hostName.startsWith("[") && hostName.endsWith("]") ? hostName.substring(1, hostName.length() - 1)
            : hostName;
        return h.equalsIgnoreCase("localhost") || h.startsWith("127.") || h.equals("::1")
            || h.equals("0:0:0:0:0:0:0:1");
    }

    private static boolean nonEmpty(String s) {
        return s != null && !s.isEmpty();
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "";
        }
        int nl = message.indexOf('\n');
        return nl < 0 ? message : message.substring(0, nl);
    }

    public DockerHost host() {
        return host;
    }

    /** The context the endpoint came from ("default" when from DOCKER_HOST or nothing). */
    public String contextName() {
        return contextName;
    }

    /** TLS settings; empty for plain TCP and always for unix sockets. */
    public Optional<TlsMaterial> tls() {
        return Optional.ofNullable(tls);
    }

    /** The docker config directory (for registry credentials). */
    public Path configDir() {
        return configDir;
    }

    /** {@code DOCKER_API_VERSION}: when set, the CLI uses it as is instead of negotiating. */
    public Optional<String> apiVersionOverride() {
        return Optional.ofNullable(apiVersionOverride);
    }

    /** Problems the CLI reports as "WARNING: ..." lines but continues after (a malformed config.json). */
    public List<String> warnings() {
        return warnings;
    }

    @Override
    public String toString() {
        return host + (tls == null ? "" : " (tls" + (tls.skipVerify() ? ", no verify" : "") + ")")
            + " context " + contextName;
    }
}
