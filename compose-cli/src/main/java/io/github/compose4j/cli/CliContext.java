package io.github.compose4j.cli;

import io.github.compose4j.cli.render.TerminalInfo;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The process context a command runs in; the only place the CLI learns about its process.
 *
 * @param terminal which standard streams are terminals, and the terminal's size
 */
public record CliContext(Path cwd, Map<String, String> env, Supplier<String> stdin, PrintStream out, PrintStream err,
                         TerminalInfo terminal) {

    /** A context without a terminal. */
    public CliContext(Path cwd, Map<String, String> env, Supplier<String> stdin, PrintStream out, PrintStream err) {
        this(cwd, env, stdin, out, err, TerminalInfo.NONE);
    }

    /** Whether stderr is a terminal. */
    public boolean stderrTerminal() {
        return terminal.stderr();
    }
}
