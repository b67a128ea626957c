package io.github.compose4j.model;

/** A per-device IO weight. Compose serializes these fields under their Go names. */
public record WeightDevice(
        @Key(value = "Path", omitEmpty = false, yamlOmitEmpty = false) String path,
        @Key(value = "Weight", omitEmpty = false, yamlOmitEmpty = false) long weight,
        @Key("#extensions") Extensions extensions) {
}
