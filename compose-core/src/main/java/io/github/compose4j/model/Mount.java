package io.github.compose4j.model;

import java.util.Optional;

/** A service volume: a named or anonymous volume, a bind mount, a tmpfs, a named pipe. */
public record Mount(
        @Key("type") String type,
        @Key("source") String source,
        @Key("target") String target,
        @Key("read_only") boolean readOnly,
        @Key("consistency") String consistency,
        @Key("bind") Optional<BindOptions> bind,
        @Key("volume") Optional<VolumeOptions> volume,
        @Key("tmpfs") Optional<TmpfsOptions> tmpfs,
        @Key("#extensions") Extensions extensions) {
}
