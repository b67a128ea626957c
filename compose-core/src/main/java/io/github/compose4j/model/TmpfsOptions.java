package io.github.compose4j.model;

/** Options of a tmpfs mount; {@code mode} is the numeric file mode. */
public record TmpfsOptions(
        @Key("size") Bytes size,
        @Key("mode") long mode,
        @Key("#extensions") Extensions extensions) {
}
