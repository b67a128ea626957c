package io.github.compose4j.engine;

/**
 * A published port: container port and protocol, and the host address and port when published.
 * {@code hostPort} 0 lets the engine choose; {@code hostPortEnd}, when above {@code hostPort}, makes the
 * host side a range the engine picks one free port from ({@code 8000-8010:80}).
 */
public record PortBinding(String hostIp, int hostPort, int containerPort, String protocol, int hostPortEnd) {

    public PortBinding(String hostIp, int hostPort, int containerPort, String protocol) {
        this(hostIp, hostPort, containerPort, protocol, 0);
    }

    /** The host port as the engine API spells it: empty, {@code 8080}, or {@code 8000-8010}. */
    public String hostPortSpec() {
        if (hostPort == 0) {
            return "";
        }
        return hostPortEnd > hostPort ? hostPort + "-" + hostPortEnd : Integer.toString(hostPort);
    }
}
