package io.github.compose4j.model;

/** A host device mapped into the container ({@code /dev/sda:/dev/xvda:rwm}). */
public record DeviceMapping(
        @Key("source") String source,
        @Key("target") String target,
        @Key("permissions") String permissions,
        @Key("#extensions") Extensions extensions) {
}
