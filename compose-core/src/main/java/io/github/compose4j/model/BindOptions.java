package io.github.compose4j.model;

/** Options of a bind mount. */
public record BindOptions(
        @Key("selinux") String selinux,
        @Key("propagation") String propagation,
        @Key("create_host_path") boolean createHostPath,
        @Key("recursive") String recursive,
        @Key("#extensions") Extensions extensions) {
}
