package io.github.compose4j.model;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/** A command run in the container at a lifecycle event ({@code post_start}, {@code pre_stop}). */
public record ServiceHook(
        @Key(value = "command", omitEmpty = false) Optional<List<String>> command,
        @Key("user") String user,
        @Key("privileged") boolean privileged,
        @Key("working_dir") String workingDir,
        @Key("environment") Map<String, Optional<String>> environment,
        @Key("#extensions") Extensions extensions) {

    public static final ServiceHook EMPTY = new ServiceHook(Optional.empty(), "", false, "", Map.of(), Extensions.NONE);
}
