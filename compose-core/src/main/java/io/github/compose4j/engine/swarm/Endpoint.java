package io.github.compose4j.engine.swarm;

import java.util.List;

/** How a service is reached: {@code vip} or {@code dnsrr}, and its published ports. */
public record Endpoint(String mode, List<PublishedPort> ports) {
    public Endpoint {
        ports = List.copyOf(ports);
    }

    /** A port published through the routing mesh ({@code ingress}) or on the node running the task ({@code host}). */
    public record PublishedPort(String protocol, long target, long published, String publishMode) {
    }
}
