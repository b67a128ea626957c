package io.github.compose4j.model;

import java.util.Map;

/** The logging driver of a service. */
public record Logging(
        @Key("driver") String driver,
        @Key("options") Map<String, String> options,
        @Key("#extensions") Extensions extensions) {
}
