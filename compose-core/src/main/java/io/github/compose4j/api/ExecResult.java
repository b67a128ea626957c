package io.github.compose4j.api;

/**
 * What a command run in a service container ended with.
 *
 * @param exitCode the process's exit code
 * @param stdout   its standard output, decoded as UTF-8
 * @param stderr   its standard error, decoded as UTF-8
 */
public record ExecResult(int exitCode, String stdout, String stderr) {
    /** Whether the command exited with 0. */
    public boolean succeeded() {
        return exitCode == 0;
    }
}
