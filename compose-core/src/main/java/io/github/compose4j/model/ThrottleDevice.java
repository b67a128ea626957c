package io.github.compose4j.model;

/** A per-device IO rate limit. Compose serializes these fields under their Go names. */
public record ThrottleDevice(
        @Key(value = "Path", omitEmpty = false, yamlOmitEmpty = false) String path,
        @Key(value = "Rate", omitEmpty = false, yamlOmitEmpty = false) Bytes rate,
        @Key("#extensions") Extensions extensions) {
}
