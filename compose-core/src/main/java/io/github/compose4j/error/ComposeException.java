package io.github.compose4j.error;

import java.util.Objects;

/**
 * A failure the user can act on: its message is printed as one line (or a few, for cycles), and its
 * {@link Failure} gives the exit code. Never shown with a stack trace unless debugging is asked for.
 */
public class ComposeException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final Failure failure;

    public ComposeException(Failure failure, String message) {
        super(message);
        this.failure = Objects.requireNonNull(failure);
    }

    public ComposeException(Failure failure, String message, Throwable cause) {
        super(message, cause);
        this.failure = Objects.requireNonNull(failure);
    }

    public Failure failure() {
        return failure;
    }

    public int exitCode() {
        return failure.exitCode();
    }

    /** An invalid project (exit 15). */
    public static ComposeException invalid(String message) {
        return new ComposeException(Failure.COMPOSE_PARSE, message);
    }

    /** A missing file (exit 14). */
    public static ComposeException notFound(String message) {
        return new ComposeException(Failure.FILE_NOT_FOUND, message);
    }
}
