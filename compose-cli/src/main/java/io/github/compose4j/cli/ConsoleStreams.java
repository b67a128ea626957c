package io.github.compose4j.cli;

import io.github.compose4j.cli.render.TerminalSize;
import io.github.compose4j.cli.render.Terminals;
import io.github.compose4j.error.ComposeException;
import io.github.compose4j.error.Failure;
import io.github.compose4j.oneoff.Console;
import io.github.compose4j.oneoff.ConsoleEvents;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * The process's own streams for commands that attach to a container's process ({@code run}, {@code exec}),
 * and the local terminal's raw mode while a TTY is attached.
 *
 * <p>Raw mode without native code: {@code stty -g} saves the terminal's settings, {@code stty raw -echo}
 * switches it, and the saved settings are restored when the command ends (and by a shutdown hook, should
 * the JVM be stopped meanwhile). The {@code stty} runs with {@code /dev/tty} as its input, the only
 * way for a child process to reach the JVM's controlling terminal.
 */
final class ConsoleStreams implements AutoCloseable {
    private final CliContext ctx;
    private final Optional<String> saved;
    private final Thread restorer;

    private ConsoleStreams(CliContext ctx, Optional<String> saved) {
        this.ctx = ctx;
        this.saved = saved;
        this.restorer = saved.isPresent() ? new Thread(this::restore, "compose4j-tty-restore") : null;
        if (restorer != null) {
            Runtime.getRuntime().addShutdownHook(restorer);
        }
    }

    /** Whether stdout is a terminal: Compose allocates a TTY by default only then. */
    static boolean stdoutIsTerminal() {
        return Terminals.isTerminal(1);
    }

    /** Whether stdin is a terminal. */
    static boolean stdinIsTerminal() {
        return Terminals.isTerminal(0);
    }

    /** The docker CLI's check before a TTY is allocated for an interactive process. */
    static void checkTty(boolean interactive, boolean tty) {
        if (interactive && tty && !stdinIsTerminal()) {
            throw new ComposeException(Failure.GENERAL, "the input device is not a TTY");
        }
    }

    /** Opens the streams; with {@code tty} and an interactive terminal, the local terminal goes raw until closed. */
    static ConsoleStreams open(CliContext ctx, boolean interactive, boolean tty) {
        Optional<String> saved = Optional.empty();
        if (tty && interactive && stdinIsTerminal()) {
            saved = stty("-g").map(String::strip);
            if (saved.isPresent() && stty("raw", "-echo").isEmpty()) {
                saved = Optional.empty();
            }
        }
        return new ConsoleStreams(ctx, saved);
    }

    /** The console of an attached process; {@code events} reports this process's signals and resizes meanwhile. */
    Console console(boolean attachStdin, boolean tty, ConsoleEvents events) {
        Optional<InputStream> stdin = attachStdin ? Optional.of(System.in) : Optional.empty();
        Optional<Console.Size> size = Optional.empty();
        if (tty) {
            TerminalSize s = ctx.terminal().size().get();
            if (s.width() > 0 && s.height() > 0) {
                size = Optional.of(new Console.Size(s.height(), s.width()));
            }
        }
        return new Console(stdin, ctx.out(), ctx.err(), size, events);
    }

    @Override
    public void close() {
        ctx.out().flush();
        ctx.err().flush();
        if (restorer != null) {
            restore();
            try {
                Runtime.getRuntime().removeShutdownHook(restorer);
            } catch (IllegalStateException e) {
                // Shutting down already: the hook restores.
            }
        }
    }

    private synchronized void restore() {
        saved.ifPresent(ConsoleStreams::stty);
    }

    private static Optional<String> stty(String... args) {
        String[] command = new String[args.length + 1];
        command[0] = "stty";
        System.arraycopy(args, 0, command, 1, args.length);
        try {
            Process p = new ProcessBuilder(command).redirectInput(new File("/dev/tty"))
                    .redirectError(ProcessBuilder.Redirect.DISCARD).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!p.waitFor(5, TimeUnit.SECONDS) || p.exitValue() != 0) {
                p.destroy();
                return Optional.empty();
            }
            return Optional.of(out);
        } catch (IOException e) {
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }
}
