package io.github.compose4j.build;

import io.github.compose4j.error.ComposeException;
import io.github.compose4j.error.Failure;

/** A build the builder failed, ending the command with the builder's code as Compose does (1 when it gave none). */
public final class BuildFailure extends ComposeException {
    private static final long serialVersionUID = 1L;

    private final int code;

    public BuildFailure(String message, int code) {
        super(Failure.BUILD, message);
        this.code = code == 0 ? 1 : code;
    }

    @Override
    public int exitCode() {
        return code;
    }
}
