package io.github.compose4j.cli;

import io.github.compose4j.testing.RequiresDocker;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Twenty containers printing a thousand lines each at once: attached {@code up} and {@code logs} must show every
 * line whole, under its own container's prefix, in the order the container wrote them.
 */
@RequiresDocker
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ChattyAttachIT {
    private static final int SERVICES = 20;
    private static final int LINES = 1000;
    private static final String FILLER = "x".repeat(80);
    /** {@code <erase-line>name<padding> | line N of sK xxx...}. */
    private static final Pattern LINE = Pattern.compile("\033\\[2K(s(\\d+)-1) +\\| line (\\d+) of s(\\d+) (x+)");

    private Path dir;
    private final String project = "c4j-chatty-" + HexFormat.of().formatHex(new SecureRandom().generateSeed(4));
    private String upOut;
    private int upCode;

    private record Result(int code, String out, String err) {
    }

    private Result compose(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        Map<String, String> env = new HashMap<>(System.getenv());
        env.keySet().removeIf(k -> k.startsWith("COMPOSE_"));
        CliContext ctx = new CliContext(dir, env, () -> "", new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        String[] all = new String[args.length + 2];
        all[0] = "-p";
        all[1] = project;
        System.arraycopy(args, 0, all, 2, args.length);
        int code = Main.run(ctx, all);
        return new Result(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    @BeforeAll
    void upAttached() throws IOException {
        dir = Files.createTempDirectory("c4j-chatty");
        StringBuilder yaml = new StringBuilder("services:\n");
        for (int s = 0; s < SERVICES; s++) {
            yaml.append("  s").append(s).append(":\n    image: busybox:latest\n    command: [\"sh\", \"-c\", ")
                .append("\"i=0; while [ $$i -lt ").append(LINES).append(" ]; do echo \\\"line $$i of s").append(s)
                .append(' ').append(FILLER).append("\\\"; i=$$((i+1)); done\"]\n");
        }
        Files.writeString(dir.resolve("compose.yaml"), yaml);
        Result up = compose("--ansi", "never", "up");
        upOut = up.out();
        upCode = up.code();
    }

    @AfterAll
    void down() throws IOException {
        compose("down", "-t", "0");
        Files.deleteIfExists(dir.resolve("compose.yaml"));
        Files.deleteIfExists(dir);
    }

    /** Checks every output line and returns how many lines each service showed. */
    private static int[] checkLines(String out, boolean attached) {
        int[] next = new int[SERVICES];
        for (String line : out.split("\n", -1)) {
            if (line.isEmpty() || (attached && (line.startsWith("Attaching to ") || line.matches("s\\d+-1 exited with code 0")))) {
                continue;
            }
            Matcher m = LINE.matcher(line);
            assertThat(m.matches()).as("a whole, prefixed line: %s", line).isTrue();
            int service = Integer.parseInt(m.group(2));
            assertThat(m.group(4)).as("the prefix names the container that wrote %s", line)
                .isEqualTo(m.group(2));
            assertThat(m.group(5)).isEqualTo(FILLER);
            assertThat(Integer.parseInt(m.group(3))).as("lines of s%d in order", service).isEqualTo(next[service]);
            next[service]++;
        }
        return next;
    }

    @Test
    void attachedUpShowsEveryLineWholeUnderItsContainersPrefix() {
        assertThat(upCode).isZero();
        assertThat(checkLines(upOut, true)).containsOnly(LINES);
    }

    @Test
    void attachedUpReportsEveryExit() {
        for (int s = 0; s < SERVICES; s++) {
            assertThat(upOut).contains("s" + s + "-1 exited with code 0\n");
        }
    }

    @Test
    void logsShowEveryLineWholeUnderItsContainersPrefix() {
        Result logs = compose("--ansi", "never", "logs");

        assertThat(logs.code()).isZero();
        assertThat(checkLines(logs.out(), false)).containsOnly(LINES);
    }

    @Test
    void logsTailKeepsTheLastLinesOfEachContainer() {
        Result logs = compose("--ansi", "never", "logs", "--tail", "5", "s3");

        assertThat(logs.out().lines()).hasSize(5).allSatisfy(l -> assertThat(l).contains("of s3 "));
        assertThat(logs.out().lines().findFirst().orElseThrow()).contains("line 995 of s3");
    }
}
