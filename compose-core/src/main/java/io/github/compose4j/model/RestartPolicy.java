package io.github.compose4j.model;

import java.util.Optional;

/** The Swarm restart policy of {@code deploy}. */
public record RestartPolicy(
        @Key("condition") String condition,
        @Key("delay") Optional<Duration> delay,
        @Key("max_attempts") Optional<Long> maxAttempts,
        @Key("window") Optional<Duration> window,
        @Key("#extensions") Extensions extensions) {
}
