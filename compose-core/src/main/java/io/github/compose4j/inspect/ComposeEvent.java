package io.github.compose4j.inspect;

import java.util.Map;

/**
 * A container event of a project, as {@code events} reports it.
 *
 * @param timeNanos  nanoseconds since the epoch
 * @param attributes the container's attributes other than Compose's own labels
 */
public record ComposeEvent(long timeNanos, String service, String container, String action,
                           Map<String, String> attributes) {
    public ComposeEvent {
        attributes = Map.copyOf(attributes);
    }
}
