package io.github.compose4j.plan;

/** When existing containers are replaced by new ones. */
public enum RecreatePolicy {
    /** When their configuration or image changed (the default). */
    DIVERGED,
    /** Always ({@code --force-recreate}, {@code --always-recreate-deps}). */
    FORCE,
    /** Never ({@code --no-recreate}). */
    NEVER
}
