package io.github.compose4j.engine;

import java.util.Map;

/**
 * A container event of the engine.
 *
 * @param action      {@code create}, {@code start}, {@code die}, {@code stop}, {@code kill}, {@code destroy}...
 * @param containerId the container's full id
 * @param timeNanos   when it happened, nanoseconds since the epoch
 * @param attributes  the container's labels, with {@code name}, {@code image} and for {@code die} {@code exitCode}
 */
public record EngineEvent(String action, String containerId, long timeNanos, Map<String, String> attributes) {
    public EngineEvent {
        attributes = Map.copyOf(attributes);
    }

    public String attribute(String key) {
        return attributes.getOrDefault(key, "");
    }
}
