package io.github.compose4j.load.interpolate;

/**
 * Receives the warnings Compose would log while loading (for example an unset variable), in the
 * order it would log them. Library code never prints them itself.
 */
@FunctionalInterface
public interface Warnings {
    void warn(String message);

    /** A sink that drops every warning. */
    static Warnings ignore() {
        return message -> {
        };
    }
}
