package io.github.compose4j.cli;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * The built CLI run as a child process through the real launcher ({@code ./compose}, which {@code exec}s java), for
 * the cases an in-process run cannot show: several processes at once, a crash, signals.
 */
final class Launcher {
    private static final long TIMEOUT_SECONDS = 180;

    private Launcher() {
    }

    /** What a child printed and its exit code. */
    record Result(int code, String out, String err) {
    }

    /** The launcher script at the root of the build. */
    static Path script() {
        Path script = Path.of("..", "compose").toAbsolutePath().normalize();
        if (!Files.isExecutable(script) || !Files.exists(Path.of("target", "compose.jar"))) {
            throw new AssertionError("the launcher " + script + " and target/compose.jar are needed (mvn package)");
        }
        return script;
    }

    /** The command line of {@code compose args...} through the launcher. */
    static List<String> command(String... args) {
        List<String> command = new ArrayList<>();
        command.add(script().toString());
        command.addAll(List.of(args));
        return command;
    }

    /** Starts {@code command} in {@code dir} with {@code env} added to this process's environment (COMPOSE_* removed). */
    static ProcessBuilder builder(Path dir, Map<String, String> env, List<String> command) {
        ProcessBuilder pb = new ProcessBuilder(command).directory(dir.toFile())
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
        pb.environment().keySet().removeIf(k -> k.startsWith("COMPOSE_"));
        pb.environment().putAll(env);
        return pb;
    }

    /** Runs {@code compose args...} in {@code dir} to its end. */
    static Result run(Path dir, Map<String, String> env, String... args) {
        return finish(start(builder(dir, env, command(args))));
    }

    static Process start(ProcessBuilder pb) {
        try {
            return pb.start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Waits for a started process and collects its output. */
    static Result finish(Process p) {
        CompletableFuture<String> out = CompletableFuture.supplyAsync(() -> read(p.getInputStream()));
        CompletableFuture<String> err = CompletableFuture.supplyAsync(() -> read(p.getErrorStream()));
        try {
            if (!p.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new AssertionError("compose did not end within " + TIMEOUT_SECONDS + "s");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
        return new Result(p.exitValue(), out.join(), err.join());
    }

    private static String read(java.io.InputStream in) {
        try (in) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
