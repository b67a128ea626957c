package io.github.compose4j.cli;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The process context a command runs in; the only place the CLI learns about its process.
 *
 * @param stderrTerminal whether stderr is a terminal (progress display mode, form of log lines)
 */
public record CliContext(Path cwd, Map<String, String> env, Supplier<String> stdin, PrintStream out, PrintStream err,
                         boolean stderrTerminal) {

    /** A context whose stderr is not a terminal. */
    public CliContext(Path cwd, Map<String, String> env, Supplier<String> stdin, PrintStream out, PrintStream err) {
        this(cwd, env, stdin, out, err, false);
    }
}
