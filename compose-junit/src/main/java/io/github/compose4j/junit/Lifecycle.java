package io.github.compose4j.junit;

/** How long one {@link Compose @Compose} stack lives. */
public enum Lifecycle {
    /** Up before the class's first test, down after its last. */
    PER_CLASS,
    /** Up before each test, down after it. */
    PER_METHOD,
    /**
     * Up once for every class of the test run that declares the same stack (same files, inline YAML, environment,
     * profiles and project name); down when the run ends.
     */
    SHARED
}
