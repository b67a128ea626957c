package io.github.compose4j.model;

/** Options of a volume mount. */
public record VolumeOptions(
        @Key("nocopy") boolean nocopy,
        @Key("subpath") String subpath,
        @Key("#extensions") Extensions extensions) {
}
