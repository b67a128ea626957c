package io.github.compose4j.model;

/** One {@code depends_on} entry: the condition to wait for, and whether a restart propagates. */
public record Dependency(
        @Key("condition") String condition,
        @Key("restart") boolean restart,
        @Key("#extensions") Extensions extensions,
        @Key(value = "required", omitEmpty = false, yamlOmitEmpty = false) boolean required) {

    public static final String STARTED = "service_started";
    public static final String HEALTHY = "service_healthy";
    public static final String COMPLETED_SUCCESSFULLY = "service_completed_successfully";
}
