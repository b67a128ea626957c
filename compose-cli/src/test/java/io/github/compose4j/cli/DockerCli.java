package io.github.compose4j.cli;

import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * The {@code docker} command line, for tests only: it observes what the daemon really has, prepares
 * objects (images, external networks and volumes) and runs the reference {@code docker compose}.
 */
final class DockerCli {
    private static final long TIMEOUT_SECONDS = 180;
    private static volatile Boolean composeAvailable;

    private DockerCli() {
    }

    /** What a command printed and how it ended. */
    record Result(int code, String out, String err) {
        /** The standard output's lines, without empty ones. */
        List<String> lines() {
            return out.lines().filter(l -> !l.isBlank()).toList();
        }
    }

    static Result run(String... args) {
        return runIn(null, null, args);
    }

    /** Runs {@code docker args} in {@code dir} (the current directory when null), feeding it {@code stdin}. */
    static Result runIn(Path dir, String stdin, String... args) {
        List<String> command = new ArrayList<>();
        command.add("docker");
        command.addAll(Arrays.asList(args));
        ProcessBuilder pb = new ProcessBuilder(command);
        if (dir != null) {
            pb.directory(dir.toFile());
        }
        // The reference must see the project as the test wrote it, not the developer's overrides.
        pb.environment().keySet().removeIf(k -> k.startsWith("COMPOSE_"));
        try {
            Process p = pb.start();
            CompletableFuture<String> out = CompletableFuture.supplyAsync(() -> read(p.getInputStream()));
            CompletableFuture<String> err = CompletableFuture.supplyAsync(() -> read(p.getErrorStream()));
            try (var in = p.getOutputStream()) {
                if (stdin != null) {
                    in.write(stdin.getBytes(StandardCharsets.UTF_8));
                }
            }
            if (!p.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new AssertionError("docker " + String.join(" ", args) + " did not end within " + TIMEOUT_SECONDS + "s");
            }
            return new Result(p.exitValue(), out.join(), err.join());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new UncheckedIOException(new InterruptedIOException("interrupted"));
        }
    }

    /** Runs a docker command that must succeed, and returns its standard output trimmed. */
    static String ok(String... args) {
        Result r = run(args);
        if (r.code() != 0) {
            throw new AssertionError("docker " + String.join(" ", args) + " failed (" + r.code() + "): " + r.err());
        }
        return r.out().trim();
    }

    /**
     * Skips the calling test when the reference {@code docker compose} is not installed, except under
     * CI (environment variable {@code CI} set), where its absence is a failure: CI installs it.
     */
    static void assumeReferenceCompose() {
        if (composeAvailable == null) {
            boolean found;
            try {
                found = run("compose", "version").code() == 0;
            } catch (UncheckedIOException e) {
                found = false;
            }
            composeAvailable = found;
        }
        if (!composeAvailable) {
            String ci = System.getenv("CI");
            if (ci != null && !ci.isEmpty()) {
                Assertions.fail("the reference `docker compose` is required (CI=" + ci + ") but is not installed");
            }
            Assumptions.abort("the reference `docker compose` is not installed (with CI set this fails)");
        }
    }

    private static String read(java.io.InputStream in) {
        try (in) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
