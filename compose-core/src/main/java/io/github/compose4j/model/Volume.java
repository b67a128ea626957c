package io.github.compose4j.model;

import java.util.Map;

/** A top-level (named) volume. */
public record Volume(
        @Key("name") String name,
        @Key("driver") String driver,
        @Key("driver_opts") Map<String, String> driverOpts,
        @Key("external") boolean external,
        @Key("labels") Map<String, String> labels,
        @Key("#extensions") Extensions extensions) {
}
