package io.github.compose4j.engine;

import java.util.Map;

/**
 * An event of the engine's event stream.
 *
 * @param type       container, network, volume, image...
 * @param action     create, start, die, health_status: healthy...
 * @param actorId    the id of the object the event is about
 * @param attributes the actor's attributes (a container's labels, its name and image...)
 * @param timeNanos  when it happened, in nanoseconds since the epoch
 */
public record EngineEvent(String type, String action, String actorId, Map<String, String> attributes,
                          long timeNanos) {
    public EngineEvent {
        attributes = Map.copyOf(attributes);
    }

    /** An attribute's value, empty when the event has none. */
    public String attribute(String key) {
        return attributes.getOrDefault(key, "");
    }
}
