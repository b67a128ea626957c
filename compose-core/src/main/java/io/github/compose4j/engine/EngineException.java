package io.github.compose4j.engine;

/** A failed engine call, classified so callers can react (a conflict on create, a missing object...). */
public final class EngineException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** What went wrong, as far as callers need to know. */
    public enum Kind {
        NOT_FOUND,
        CONFLICT,
        INVALID,
        UNAVAILABLE,
        OTHER
    }

    private final Kind kind;

    public EngineException(Kind kind, String message) {
        super(message);
        this.kind = kind;
    }

    public EngineException(Kind kind, String message, Throwable cause) {
        super(message, cause);
        this.kind = kind;
    }

    public Kind kind() {
        return kind;
    }

    public boolean isNotFound() {
        return kind == Kind.NOT_FOUND;
    }

    public boolean isConflict() {
        return kind == Kind.CONFLICT;
    }
}
