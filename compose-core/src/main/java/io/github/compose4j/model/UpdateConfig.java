package io.github.compose4j.model;

import java.util.Optional;

/** How a service is updated or rolled back (Swarm). */
public record UpdateConfig(
        @Key("parallelism") Optional<Long> parallelism,
        @Key("delay") Duration delay,
        @Key("failure_action") String failureAction,
        @Key("monitor") Duration monitor,
        @Key("max_failure_ratio") float maxFailureRatio,
        @Key("order") String order,
        @Key("#extensions") Extensions extensions) {
}
