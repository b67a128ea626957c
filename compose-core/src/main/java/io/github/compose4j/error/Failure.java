package io.github.compose4j.error;

/**
 * What kind of failure ended a command, with the process exit code Docker Compose uses for it.
 * Tools that drive Compose branch on these codes, so they follow Compose's table exactly.
 */
public enum Failure {
    /** Anything not classified below. */
    GENERAL(1),
    /** A compose file, env_file, extends or include target does not exist. */
    FILE_NOT_FOUND(14),
    /** The project is invalid: YAML syntax, schema, interpolation, references, cycles. */
    COMPOSE_PARSE(15),
    /** The command line is wrong. */
    COMMAND_SYNTAX(16),
    /** An image build failed. */
    BUILD(17),
    /** An image pull failed. */
    PULL(18),
    /** The user interrupted the command. */
    CANCELED(130);

    private final int exitCode;

    Failure(int exitCode) {
        this.exitCode = exitCode;
    }

    public int exitCode() {
        return exitCode;
    }
}
