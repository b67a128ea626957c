package io.github.compose4j.load.source;

import io.github.compose4j.error.ComposeException;
import io.github.compose4j.error.Failure;
import io.github.compose4j.load.tree.Mark;

/**
 * A syntax or substitution error in an env file. {@link #reason()} is Compose's own text (its
 * "line N" is Compose's line count, which can drift after some constructs); the message adds the
 * real position in front. Callers wrap the reason the way Compose does for their kind of file
 * ({@code failed to read <path>: ...} for the project {@code .env}, nothing for {@code env_file}).
 */
public final class DotEnvException extends ComposeException {
    private static final long serialVersionUID = 1L;

    private final transient Mark mark;
    private final String reason;

    DotEnvException(Mark mark, String reason, Throwable cause) {
        super(Failure.COMPOSE_PARSE, mark.prefix(reason), cause);
        this.mark = mark;
        this.reason = reason;
    }

    public Mark mark() {
        return mark;
    }

    /** Compose's message for the error, without our position prefix. */
    public String reason() {
        return reason;
    }
}
