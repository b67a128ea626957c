package io.github.compose4j.cli;

import io.github.compose4j.cli.render.TerminalInfo;
import io.github.compose4j.cli.render.TerminalSize;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * How {@code --progress}, {@code --ansi} and the environment choose the progress display of commands
 * that change the engine, checked before the engine is reached (it is unreachable here). Messages are
 * Docker Compose 2.26.1's.
 */
class ProgressOptionsTest {
    private static final String UNREACHABLE = "unix:///nonexistent/compose4j-test.sock";
    private static final String CANNOT_CONNECT =
            "Cannot connect to the Docker daemon at " + UNREACHABLE + ". Is the docker daemon running?\n";

    @TempDir
    Path dir;
    final Map<String, String> env = new HashMap<>(Map.of("DOCKER_HOST", UNREACHABLE));
    String err;

    @BeforeEach
    void project() throws IOException {
        Files.writeString(dir.resolve("compose.yaml"), "services:\n  web:\n    image: busybox\n");
    }

    private int run(boolean stderrTerminal, String... args) {
        ByteArrayOutputStream e = new ByteArrayOutputStream();
        TerminalInfo terminal = new TerminalInfo(false, stderrTerminal, () -> new TerminalSize(80, 24));
        CliContext ctx = new CliContext(dir, env, () -> "", new PrintStream(new ByteArrayOutputStream(), true,
                StandardCharsets.UTF_8), new PrintStream(e, true, StandardCharsets.UTF_8), terminal);
        int code = Main.run(ctx, args);
        err = e.toString(StandardCharsets.UTF_8);
        return code;
    }

    @Test
    void jsonIsNotAProgressTypeOf2261() {
        assertThat(run(false, "--progress", "json", "up", "-d")).isEqualTo(1);
        assertThat(err).isEqualTo("unsupported --progress value \"json\"\n");
    }

    @Test
    void terminalDisplayWithAnsiNeverIsRefused() {
        assertThat(run(true, "--ansi", "never", "--progress", "tty", "up", "-d")).isEqualTo(1);
        assertThat(err).isEqualTo("can't use --progress tty while ANSI support is disabled\n");
    }

    @Test
    void plainDisplayWithAnsiAlwaysIsRefused() {
        assertThat(run(false, "--ansi", "always", "--progress", "plain", "create")).isEqualTo(1);
        assertThat(err).isEqualTo("can't use --progress plain while ANSI support is forced\n");
    }

    @Test
    void composeAnsiFromTheProjectsDotEnvCounts() throws IOException {
        Files.writeString(dir.resolve(".env"), "COMPOSE_ANSI=never\n");
        assertThat(run(true, "--progress", "tty", "up", "-d")).isEqualTo(1);
        assertThat(err).isEqualTo("can't use --progress tty while ANSI support is disabled\n");
    }

    @Test
    void composeAnsiReplacesTheFlag() {
        env.put("COMPOSE_ANSI", "never");
        assertThat(run(true, "--ansi", "always", "--progress", "tty", "down")).isEqualTo(1);
        assertThat(err).isEqualTo("can't use --progress tty while ANSI support is disabled\n");
    }

    @Test
    void terminalDisplayOnANonTerminalFailsBeforeReachingTheEngine() {
        assertThat(run(false, "--progress", "tty", "up", "-d")).isEqualTo(1);
        assertThat(err).isEqualTo("provided file is not a console\n");
    }

    @Test
    void terminalDisplayOnATerminalOpens() {
        assertThat(run(true, "--progress", "tty", "up", "-d")).isEqualTo(1);
        assertThat(err).isEqualTo(CANNOT_CONNECT);
    }

    @Test
    void composeProgressIsNotReadBy2261() {
        env.put("COMPOSE_PROGRESS", "json");
        assertThat(run(false, "up", "-d")).isEqualTo(1);
        assertThat(err).isEqualTo(CANNOT_CONNECT);
    }

    @Test
    void noAnsiIsDeprecatedWithANotice() {
        assertThat(run(false, "--no-ansi", "down")).isEqualTo(1);
        assertThat(err).isEqualTo("option '--no-ansi' is DEPRECATED ! Please use '--ansi' instead.\n" + CANNOT_CONNECT);
    }

    @Test
    void noAnsiWithAnsiIsRefused() {
        assertThat(run(false, "--no-ansi", "--ansi", "always", "up")).isEqualTo(1);
        assertThat(err).isEqualTo("cannot specify DEPRECATED \"--no-ansi\" and \"--ansi\". Please use only \"--ansi\"\n");
    }
}
