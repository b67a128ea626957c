package io.github.compose4j.model;

import java.util.Map;

/** A top-level secret or config: its content comes from a file, an environment variable or inline text. */
public record FileObject(
        @Key("name") String name,
        @Key("file") String file,
        @Key("environment") String environment,
        @Key("content") String content,
        @Key("external") boolean external,
        @Key("labels") Map<String, String> labels,
        @Key("driver") String driver,
        @Key("driver_opts") Map<String, String> driverOpts,
        @Key("template_driver") String templateDriver,
        @Key("#extensions") Extensions extensions) {
}
