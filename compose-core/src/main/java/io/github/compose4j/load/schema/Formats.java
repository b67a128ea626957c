package io.github.compose4j.load.schema;

/**
 * The {@code format} checks Compose registers with gojsonschema: {@code duration} must be a Go duration,
 * {@code ports} and {@code expose} accept anything. Other formats are not checked: the compose-spec uses
 * none of gojsonschema's built-in ones, and unknown formats always pass.
 */
final class Formats {
    static final String DURATION = "duration";
    static final String PORTS = "ports";
    static final String EXPOSE = "expose";

    private Formats() {
    }

    static boolean accepts(String format, String value) {
        return !DURATION.equals(format) || GoDuration.isValid(value);
    }

    /** Compose's duration checker only takes strings; the other checks pass anything. */
    static boolean acceptsNumber(String format) {
        return !DURATION.equals(format);
    }
}
