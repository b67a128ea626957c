package io.github.compose4j.model;

import java.util.Optional;

/** A secret or config given to a service (or a build): which one, where, owned by whom, with which mode. */
public record FileMount(
        @Key("source") String source,
        @Key("target") String target,
        @Key("uid") String uid,
        @Key("gid") String gid,
        @Key("mode") Optional<Long> mode,
        @Key("#extensions") Extensions extensions) {
}
