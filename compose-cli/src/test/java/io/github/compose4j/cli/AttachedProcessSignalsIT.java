package io.github.compose4j.cli;

import io.github.compose4j.testing.RequiresDocker;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Signals and terminal resizes reaching an attached {@code run} or {@code exec}: the built {@code compose.jar}
 * runs as its own process (a signal to the test JVM would end the test), on a pipe or on a pseudo-terminal made by
 * util-linux {@code script}; the test signals that process, or resizes its terminal, and reads what the container
 * saw.
 */
@RequiresDocker
@Timeout(180)
class AttachedProcessSignalsIT {
    private static final String YAML = """
            services:
              trap:
                image: busybox:latest
                command: ["sh", "-c", "trap 'echo got TERM; exit 42' TERM; echo waiting; while true; do sleep 0.2; done"]
              app:
                image: busybox:latest
                command: ["sleep", "infinity"]
                init: true
            """;
    /** How long to wait for the output a step needs; a liveness bound, not a speed requirement. */
    private static final long WAIT_MILLIS = 60_000;

    @TempDir
    Path parent;
    private ItProject project;
    private Process process;

    @BeforeEach
    void write() {
        project = ItProject.create(parent, YAML);
    }

    @AfterEach
    void cleanUp() {
        if (process != null) {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
        }
        project.close();
    }

    @Test
    void termToAnAttachedRunWithoutATtyReachesTheContainerAndItsExitCodePassesThrough() throws Exception {
        process = new ProcessBuilder(compose("run", "--rm", "-T", "trap")).directory(project.dir.toFile())
                .redirectErrorStream(true).redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null"))).start();
        Output output = Output.of(process.getInputStream());
        output.await("waiting");

        process.toHandle().destroy(); // TERM; Process.destroy() would also close the output this test reads

        assertThat(process.waitFor(WAIT_MILLIS, TimeUnit.MILLISECONDS)).isTrue();
        assertThat(process.exitValue()).as(output.all()).isEqualTo(42);
        assertThat(output.all()).contains("got TERM");
        assertThat(project.containers()).isEmpty();
    }

    @Test
    void termToAnAttachedRunWithATtyReachesTheContainerAndItsExitCodePassesThrough() throws Exception {
        assumeScript();
        process = script(compose("run", "--rm", "trap"));
        Output output = Output.of(process.getInputStream());
        output.await("waiting");

        composeProcess().destroy();

        assertThat(process.waitFor(WAIT_MILLIS, TimeUnit.MILLISECONDS)).isTrue();
        assertThat(output.all()).contains("got TERM");
        assertThat(process.exitValue()).as(output.all()).isEqualTo(42);
    }

    @ParameterizedTest
    @ValueSource(strings = {"exec", "run"})
    void aResizedTerminalResizesTheContainersTty(String command) throws Exception {
        assumeScript();
        if (command.equals("exec")) {
            project.composeOk("up", "-d", "app");
        }
        List<String> args = command.equals("exec") ? compose("exec", "app", "sh") : compose("run", "--rm", "app", "sh");
        process = script(args);
        Output output = Output.of(process.getInputStream());
        try (OutputStream keys = process.getOutputStream()) {
            output.await("/ # ");
            // The first size is set just after the container starts: ask until the shell sees it.
            askUntil(keys, output, "echo before $(stty size)\r", "before 20 90");

            String terminal = Files.readSymbolicLink(Path.of("/proc", Long.toString(composeProcess().pid()), "fd", "1"))
                    .toString();
            Process stty = new ProcessBuilder("stty", "-F", terminal, "rows", "33", "cols", "111").start();
            assertThat(stty.waitFor()).isZero();
            askUntil(keys, output, "echo after $(stty size)\r", "after 33 111");
            type(keys, "exit 3\r");
        }

        assertThat(process.waitFor(WAIT_MILLIS, TimeUnit.MILLISECONDS)).isTrue();
        assertThat(output.all()).contains("before 20 90").contains("after 33 111");
        assertThat(process.exitValue()).as(output.all()).isEqualTo(3);
    }

    private static void assumeScript() {
        assumeTrue(new File("/usr/bin/script").canExecute(), "util-linux script is needed for a pseudo-terminal");
    }

    /** The compose4j command line, as a separate JVM. */
    private List<String> compose(String... args) {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar", Path.of("target", "compose.jar").toAbsolutePath().toString(), "-p", project.name));
        command.addAll(List.of(args));
        return command;
    }

    /** {@code command} on a new 90-by-20 pseudo-terminal; the exit code of {@code script} is the command's. */
    private Process script(List<String> command) throws IOException {
        StringBuilder shell = new StringBuilder("stty cols 90 rows 20; exec");
        for (String arg : command) {
            shell.append(" '").append(arg).append('\'');
        }
        return new ProcessBuilder("script", "-qfec", shell.toString(), "/dev/null").directory(project.dir.toFile())
                .redirectErrorStream(true).start();
    }

    /** The compose4j JVM under {@code script}. */
    private ProcessHandle composeProcess() {
        return process.descendants().filter(h -> h.info().command().orElse("").endsWith("/java")).findFirst()
                .orElseThrow(() -> new AssertionError("no java process under script"));
    }

    /** Types {@code line} until {@code expected} shows: a resize reaches the container a moment after it is asked. */
    private static void askUntil(OutputStream keys, Output output, String line, String expected)
            throws IOException, InterruptedException {
        for (int attempt = 0; attempt < 50 && !output.text().contains(expected); attempt++) {
            type(keys, line);
            Thread.sleep(200);
        }
    }

    private static void type(OutputStream keys, String text) throws IOException {
        keys.write(text.getBytes(StandardCharsets.UTF_8));
        keys.flush();
    }

    /** Everything a process printed so far, read by a thread of its own. */
    private static final class Output {
        private final StringBuilder text = new StringBuilder();
        private Thread reader;

        static Output of(InputStream in) {
            Output output = new Output();
            Thread reader = new Thread(() -> {
                byte[] buffer = new byte[4096];
                try (in) {
                    for (int n; (n = in.read(buffer)) > 0; ) {
                        synchronized (output) {
                            output.text.append(new String(buffer, 0, n, StandardCharsets.UTF_8));
                            output.notifyAll();
                        }
                    }
                } catch (IOException e) {
                    // Closed by the clean-up of a failed test.
                }
            }, "it-output");
            reader.setDaemon(true);
            reader.start();
            output.reader = reader;
            return output;
        }

        synchronized String text() {
            return text.toString();
        }

        /** All of it, once the process has ended and its output is read to the end. */
        String all() throws InterruptedException {
            reader.join(WAIT_MILLIS);
            return text();
        }

        /** Waits until {@code expected} was printed. */
        synchronized void await(String expected) throws InterruptedException {
            long end = System.currentTimeMillis() + WAIT_MILLIS;
            while (!text.toString().contains(expected)) {
                long left = end - System.currentTimeMillis();
                if (left <= 0) {
                    throw new AssertionError("no \"" + expected + "\" in:\n" + text);
                }
                wait(left);
            }
        }
    }
}
