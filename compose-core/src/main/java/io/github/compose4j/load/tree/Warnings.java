package io.github.compose4j.load.tree;

/**
 * Where loader stages report warnings (deprecated syntax, obsolete attributes). Stages never print:
 * the caller decides how warnings reach the user.
 */
@FunctionalInterface
public interface Warnings {
    Warnings IGNORE = message -> { };

    void warn(String message);
}
