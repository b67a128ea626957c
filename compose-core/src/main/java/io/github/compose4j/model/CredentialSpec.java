package io.github.compose4j.model;

/** Windows credential spec. */
public record CredentialSpec(
        @Key("config") String config,
        @Key("file") String file,
        @Key("registry") String registry,
        @Key("#extensions") Extensions extensions) {
}
