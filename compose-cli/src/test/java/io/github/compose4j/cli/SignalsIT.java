package io.github.compose4j.cli;

import io.github.compose4j.testing.RequiresDocker;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 7, points 7 and 8: signals to an attached {@code up} and to {@code run --rm}, through the real launcher (which
 * {@code exec}s java, so the signal reaches the JVM). Each child runs in a session of its own ({@code setsid}: the
 * process group is the JVM alone) with INT, TERM and HUP reset to their default ({@code env --default-signal}): a
 * process started in the background by a non-interactive shell inherits an ignored SIGINT, which no JVM can handle.
 */
@RequiresDocker
@Timeout(300)
class SignalsIT {
    @TempDir
    Path tmp;
    ItProject project;

    @RegisterExtension
    final ItProjects projects = new ItProjects();

    /** A service that prints a line every 0.2 s and says when it is asked to stop. */
    private static final String TALKER = """
            services:
              talker:
                image: busybox:latest
                init: true
                command: ["sh", "-c", "trap 'echo got-term; exit 0' TERM; while true; do echo tick; sleep 0.2; done"]
                stop_grace_period: 20s
            """;

    /** A service that ignores TERM: only a kill ends it. */
    private static final String STUBBORN = """
            services:
              stubborn:
                image: busybox:latest
                command: ["sh", "-c", "trap '' TERM; while true; do echo tick; sleep 0.2; done"]
                stop_grace_period: 120s
            """;

    /** A started child, its output collected, released once its standard output shows {@code ready}. */
    static final class Child {
        final Process process;
        final StringBuilder out = new StringBuilder();
        final CountDownLatch ready = new CountDownLatch(1);
        final CompletableFuture<String> err;

        Child(Path dir, String readyWhen, String... args) {
            List<String> command = new ArrayList<>(List.of("setsid", "env", "--default-signal=INT,TERM,HUP"));
            command.addAll(Launcher.command(args));
            process = Launcher.start(Launcher.builder(dir, Map.of(), command));
            err = CompletableFuture.supplyAsync(() -> {
                try {
                    return new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
            Thread reader = new Thread(() -> {
                try (BufferedReader r = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                    String line;
                    while ((line = r.readLine()) != null) {
                        synchronized (out) {
                            out.append(line).append('\n');
                        }
                        if (line.contains(readyWhen)) {
                            ready.countDown();
                        }
                    }
                } catch (IOException e) {
                    // the process ended
                }
            });
            reader.setDaemon(true);
            reader.start();
        }

        void awaitReady() throws InterruptedException {
            assertThat(ready.await(120, TimeUnit.SECONDS)).as("output before the signal").isTrue();
        }

        /** Sends {@code signal} to the process, or to its whole process group. */
        void signal(String signal, boolean group) {
            String target = group ? "-" + process.pid() : Long.toString(process.pid());
            Launcher.Result r = Launcher.finish(Launcher.start(new ProcessBuilder("kill", "-" + signal, "--", target)));
            assertThat(r.code()).as(r.err()).isZero();
        }

        int exitWithin(long seconds) throws InterruptedException {
            assertThat(process.waitFor(seconds, TimeUnit.SECONDS)).as("ended within " + seconds + "s").isTrue();
            return process.exitValue();
        }

        String out() {
            synchronized (out) {
                return out.toString();
            }
        }
    }

    @ParameterizedTest(name = "{0} to the {1}")
    @CsvSource({"INT, process", "TERM, process", "HUP, process", "INT, group", "TERM, group", "HUP, group"})
    void oneSignalStopsTheServicesGracefullyAndExits130(String signal, String target) throws Exception {
        project = projects.create(tmp, TALKER);
        Child up = new Child(project.dir, "tick", "-p", project.name, "up");
        up.awaitReady();

        up.signal(signal, target.equals("group"));

        assertThat(up.exitWithin(120)).isEqualTo(130);
        String err = up.err.join();
        assertThat(err).contains("Gracefully stopping...").doesNotContain("Exception").doesNotContain("\tat ");
        // Stopped gracefully (its TERM trap exits 0), not killed; its output is no longer shown, as with Compose.
        assertThat(project.inspect("talker-1", "{{.State.Status}} {{.State.ExitCode}}")).isEqualTo("exited 0");
    }

    @ParameterizedTest(name = "{0} twice to the {1}")
    @CsvSource({"INT, process", "TERM, group", "HUP, process"})
    void secondSignalKillsAtOnce(String signal, String target) throws Exception {
        project = projects.create(tmp, STUBBORN);
        Child up = new Child(project.dir, "tick", "-p", project.name, "up");
        up.awaitReady();

        up.signal(signal, target.equals("group"));
        Thread.sleep(500);
        up.signal(signal, target.equals("group"));

        // Well before the 120 s grace period the first signal alone would wait for.
        assertThat(up.exitWithin(30)).isEqualTo(130);
        assertThat(up.err.join()).doesNotContain("Exception").doesNotContain("\tat ");
        assertThat(project.inspect("stubborn-1", "{{.State.Running}}")).isEqualTo("false");
    }

    @Test
    void interruptedRunRemoveStillRemovesTheOneOff() throws Exception {
        project = projects.create(tmp, TALKER);
        Child run = new Child(project.dir, "tick", "-p", project.name, "run", "--rm", "talker");
        run.awaitReady();

        run.signal("TERM", false);

        run.exitWithin(120);
        assertThat(run.err.join()).doesNotContain("Exception").doesNotContain("\tat ");
        assertThat(run.out()).as("the one-off's output while it stops").contains("got-term");
        assertThat(project.containers()).isEmpty();
    }

    @Test
    void interruptedDownLeavesWhatTheNextDownFinishes() throws Exception {
        project = projects.create(tmp, STUBBORN.replace("120s", "30s"));
        project.composeOk("up", "-d");
        Child down = new Child(project.dir, "never printed", "-p", project.name, "down");
        Thread.sleep(2_000);

        down.signal("INT", false);
        down.signal("INT", false);

        assertThat(down.exitWithin(60)).isEqualTo(130);
        assertThat(down.err.join()).doesNotContain("Exception").doesNotContain("\tat ");
        project.composeOk("down", "-t", "0");
        assertThat(project.containers()).isEmpty();
        assertThat(project.networks()).isEmpty();
    }
}
