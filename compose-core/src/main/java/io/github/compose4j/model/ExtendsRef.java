package io.github.compose4j.model;

/** {@code extends}: the service (and file) a service is based on. */
public record ExtendsRef(@Key("file") String file, @Key("service") String service) {
}
