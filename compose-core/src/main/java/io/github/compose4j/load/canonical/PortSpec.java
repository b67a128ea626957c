package io.github.compose4j.load.canonical;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The short port syntax ({@code [ip:][host[-range]:]container[-range][/proto]}) parsed the way
 * Docker's port-spec parser does it, expanded into one long-syntax entry per container port, sorted
 * by their {@code port/proto} text as Compose sorts them.
 */
public final class PortSpec {
    /** One parsed binding, in long-syntax terms. */
    public record Binding(String hostIp, long target, String published, String protocol) {
    }

    /** A spec that does not parse; the message uses Docker's wording. */
    public static final class InvalidPortException extends Exception {
        private static final long serialVersionUID = 1L;

        InvalidPortException(String message) {
            super(message);
        }
    }

    private PortSpec() {
    }

    public static List<Binding> parse(String raw) throws InvalidPortException {
        // Bindings grouped by "port/proto" key, keys in Go's sorted string order.
        Map<String, List<Binding>> byPort = new TreeMap<>();
        String[] parts = raw.split(":", -1);
        int n = parts.length;
        String containerPort = parts[n - 1];
        String rawIp = "";
        String hostPort = "";
        if (n == 2) {
            hostPort = parts[0];
        } else if (n == 3) {
            rawIp = parts[0];
            hostPort = parts[1];
        } else if (n > 3) {
            rawIp = String.join(":", java.util.Arrays.copyOfRange(parts, 0, n - 2));
            hostPort = parts[n - 2];
        }
        String proto;
        String[] pp = containerPort.split("/", -1);
        if (containerPort.isEmpty() || pp[0].isEmpty()) {
            proto = "";
            containerPort = "";
        } else if (pp.length == 1) {
            proto = "tcp";
        } else if (pp[1].isEmpty()) {
            proto = "tcp";
            containerPort = pp[0];
        } else {
            proto = pp[1];
            containerPort = pp[0];
        }
        String ip = splitHost(rawIp);
        if (!ip.isEmpty() && !IpAddresses.isValid(ip)) {
            throw new InvalidPortException("Invalid ip address: " + ip);
        }
        if (containerPort.isEmpty()) {
            throw new InvalidPortException("No port specified: " + raw + "<empty>");
        }
        long[] cRange;
        try {
            cRange = range(containerPort);
        } catch (InvalidPortException e) {
            throw new InvalidPortException("Invalid containerPort: " + containerPort);
        }
        long startHost = 0;
        long endHost = 0;
        if (!hostPort.isEmpty()) {
            try {
                long[] h = range(hostPort);
                startHost = h[0];
                endHost = h[1];
            } catch (InvalidPortException e) {
                throw new InvalidPortException("Invalid hostPort: " + hostPort);
            }
        }
        long start = cRange[0];
        long end = cRange[1];
        if (!hostPort.isEmpty() && (end - start) != (endHost - startHost) && end != start) {
            throw new InvalidPortException("Invalid ranges specified for container and host Ports: "
                    + containerPort + " and " + hostPort);
        }
        String lowerProto = proto.toLowerCase(java.util.Locale.ROOT);
        if (!(lowerProto.equals("tcp") || lowerProto.equals("udp") || lowerProto.equals("sctp"))) {
            throw new InvalidPortException("Invalid proto: " + proto);
        }
        if (start == end) {
            // One container port (the usual case): nothing to group or sort.
            String hp = hostPort.isEmpty() ? hostPort : Long.toString(startHost);
            if (startHost != endHost) {
                hp = hp + "-" + endHost;
            }
            return List.of(new Binding(ip, start, hp, lowerProto));
        }
        for (long i = 0; i <= end - start; i++) {
            long cp = start + i;
            String hp = hostPort;
            if (!hostPort.isEmpty()) {
                hp = Long.toString(startHost + i);
            }
            if (start == end && startHost != endHost) {
                hp = hp + "-" + endHost;
            }
            String key = cp + "/" + lowerProto;
            byPort.computeIfAbsent(key, k -> new ArrayList<>()).add(new Binding(ip, cp, hp, lowerProto));
        }
        List<Binding> out = new ArrayList<>();
        byPort.values().forEach(out::addAll);
        return out;
    }

    /** As a long-syntax mapping, with Compose's key order. */
    public static Map<String, Object> toLongSyntax(Binding b) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("mode", "ingress");
        if (!b.hostIp().isEmpty()) {
            m.put("host_ip", b.hostIp());
        }
        m.put("target", b.target());
        if (!b.published().isEmpty()) {
            m.put("published", b.published());
        }
        m.put("protocol", b.protocol());
        return m;
    }

    /** The host of Go's {@code net.SplitHostPort(rawIp + ":")}, which Docker uses to unwrap {@code [ipv6]}. */
    private static String splitHost(String rawIp) throws InvalidPortException {
        if (rawIp.isEmpty()) {
            return rawIp;
        }
        String hostPort = rawIp + ":";
        int colon = hostPort.lastIndexOf(':');
        String host;
        int noOpen = 0;
        int noClose = 0;
        if (hostPort.charAt(0) == '[') {
            int end = hostPort.indexOf(']');
            if (end < 0) {
                throw invalidIp(rawIp, hostPort, "missing ']' in address");
            }
            if (end + 1 != colon) {
                boolean colonAfter = end + 1 < hostPort.length() && hostPort.charAt(end + 1) == ':';
                throw invalidIp(rawIp, hostPort, colonAfter ? "too many colons in address" : "missing port in address");
            }
            host = hostPort.substring(1, end);
            noOpen = 1;
            noClose = end + 1;
        } else {
            host = hostPort.substring(0, colon);
            if (host.contains(":")) {
                throw invalidIp(rawIp, hostPort, "too many colons in address");
            }
        }
        if (hostPort.indexOf('[', noOpen) >= 0) {
            throw invalidIp(rawIp, hostPort, "unexpected '[' in address");
        }
        if (hostPort.indexOf(']', noClose) >= 0) {
            throw invalidIp(rawIp, hostPort, "unexpected ']' in address");
        }
        return host;
    }

    private static InvalidPortException invalidIp(String rawIp, String hostPort, String why) {
        return new InvalidPortException("Invalid ip address " + rawIp + ": address " + hostPort + ": " + why);
    }

    private static long[] range(String ports) throws InvalidPortException {
        if (ports.isEmpty()) {
            throw new InvalidPortException("Empty string specified for ports.");
        }
        if (!ports.contains("-")) {
            long p = parseUint16(ports);
            return new long[] {p, p};
        }
        String[] parts = ports.split("-", -1);
        long start = parseUint16(parts[0]);
        long end = parseUint16(parts[1]);
        if (end < start) {
            throw new InvalidPortException("Invalid range specified for the Port: " + ports);
        }
        return new long[] {start, end};
    }

    private static long parseUint16(String s) throws InvalidPortException {
        if (s.isEmpty() || s.length() > 5) {
            throw new InvalidPortException("invalid port " + s);
        }
        long v = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                throw new InvalidPortException("invalid port " + s);
            }
            v = v * 10 + (c - '0');
        }
        if (v > 65535) {
            throw new InvalidPortException("invalid port " + s);
        }
        return v;
    }
}
