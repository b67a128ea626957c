package io.github.compose4j.model;

import java.util.List;
import java.util.Optional;

/** A container health check. */
public record Healthcheck(
        @Key("test") List<String> test,
        @Key("timeout") Optional<Duration> timeout,
        @Key("interval") Optional<Duration> interval,
        @Key("retries") Optional<Long> retries,
        @Key("start_period") Optional<Duration> startPeriod,
        @Key("start_interval") Optional<Duration> startInterval,
        @Key("disable") boolean disable,
        @Key("#extensions") Extensions extensions) {
}
