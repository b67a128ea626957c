package io.github.compose4j.build;

/**
 * The credentials a build may need to pull its base images, as the {@code X-Registry-Config} header carries them
 * (base64 of the JSON map registry → auth config). The seam for registry credentials: none for now.
 */
@FunctionalInterface
public interface RegistryConfig {
    RegistryConfig NONE = () -> "";

    /** The header's value; empty to send no header. */
    String header();
}
