package io.github.compose4j.engine;

import java.util.List;
import java.util.Map;

/**
 * A container as the engine lists it.
 *
 * @param name     the name without the leading slash
 * @param state    created, running, paused, restarting, removing, exited or dead
 * @param status   the human status ("Up 3 minutes", "Exited (0) 2 seconds ago")
 * @param created  creation time, seconds since the epoch
 * @param networks names of the networks the container is attached to
 */
public record ContainerSummary(String id, String name, String image, String imageId, Map<String, String> labels,
                               String state, String status, long created, List<String> networks,
                               List<PortBinding> ports) {
    public ContainerSummary {
        labels = Map.copyOf(labels);
        networks = List.copyOf(networks);
        ports = List.copyOf(ports);
    }

    public String label(String key) {
        return labels.getOrDefault(key, "");
    }

    public boolean isRunning() {
        return state.equals("running");
    }
}
