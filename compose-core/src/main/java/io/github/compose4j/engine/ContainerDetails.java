package io.github.compose4j.engine;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A container as the engine inspects it: what waiting on dependencies and reporting need.
 *
 * @param health         the health status (starting, healthy, unhealthy) when a health check is configured
 * @param hasHealthcheck whether the container has a health check (its own or its image's)
 * @param networks       the attached networks by name, with the container's addresses there
 */
public record ContainerDetails(String id, String name, String image, String imageId, Map<String, String> labels,
                               String status, boolean running, int exitCode, Optional<String> health,
                               boolean hasHealthcheck, String networkMode, Map<String, EndpointState> networks,
                               List<MountState> mounts, String startedAt, String finishedAt, boolean oomKilled,
                               boolean tty, boolean openStdin) {
    public ContainerDetails {
        labels = Map.copyOf(labels);
        networks = Map.copyOf(networks);
        mounts = List.copyOf(mounts);
    }

    /** An attachment to a network. */
    public record EndpointState(String networkId, String ipv4Address, String ipv6Address, List<String> aliases) {
    }

    /** A mount, as the engine reports it. */
    public record MountState(String type, String name, String source, String destination, boolean readWrite) {
    }
}
