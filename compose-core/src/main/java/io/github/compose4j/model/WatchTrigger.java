package io.github.compose4j.model;

import java.util.List;

/** One {@code develop.watch} rule. */
public record WatchTrigger(
        @Key(value = "path", omitEmpty = false, yamlOmitEmpty = false) String path,
        @Key(value = "action", omitEmpty = false, yamlOmitEmpty = false) String action,
        @Key("target") String target,
        @Key("exec") ServiceHook exec,
        @Key("ignore") List<String> ignore,
        @Key("#extensions") Extensions extensions) {
}
