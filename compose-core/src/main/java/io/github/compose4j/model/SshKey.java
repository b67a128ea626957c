package io.github.compose4j.model;

/** An SSH agent socket or key exposed to a build ({@code default} or {@code id=path}). */
public record SshKey(@Key("id") String id, @Key("path") String path) {
}
