package io.github.compose4j.engine.swarm;

import java.time.Instant;
import java.util.List;

/**
 * A task of a service. {@code slot} numbers the tasks of a replicated service (0 for global ones, which are told
 * apart by {@code nodeId}); {@code state} is the observed state, {@code since} when it was reached.
 */
public record SwarmTask(String id, String serviceId, long slot, String nodeId, String desiredState, String state,
                        Instant since, String error, String image, List<Endpoint.PublishedPort> hostPorts) {
    public SwarmTask {
        hostPorts = List.copyOf(hostPorts);
    }
}
