package io.github.compose4j.cli;

import io.github.compose4j.testing.RequiresDocker;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The built CLI's {@code up -d} on a pseudo-terminal ({@code script}, sized 100 by 30 with {@code stty}):
 * the frames redrawn in place and the last frame, beside what Docker Compose draws for the same project.
 */
@RequiresDocker
@Timeout(180)
class ProgressTerminalIT {
    private static final String ESC = "\u001b";
    private static final String SHOW_CURSOR = ESC + "[?25h";
    private static final Pattern TIMER = Pattern.compile("\\d+\\.\\ds ");

    @TempDir
    Path dir;
    final List<String[]> cleanups = new ArrayList<>();

    @BeforeEach
    void project() throws IOException {
        assumeTrue(new File("/usr/bin/script").canExecute(), "util-linux script is needed for a pseudo-terminal");
        Files.writeString(dir.resolve("compose.yaml"), """
                services:
                  web:
                    image: busybox:latest
                    command: sleep 300
                """);
    }

    @AfterEach
    void down() throws Exception {
        for (String[] command : cleanups) {
            run(command);
        }
    }

    @Test
    void upRedrawsItsFramesInPlaceAndEndsWithEveryObjectDone() throws Exception {
        String project = uniqueProject();
        List<String> frames = frames(onTerminal(ours(project, "up", "-d")));

        assertThat(frames.get(0)).startsWith(ESC + "[1A" + ESC + "[1B" + ESC + "[0G" + ESC + "[?25l[+] Running ");
        for (int i = 1; i < frames.size(); i++) {
            int previousLines = (int) frames.get(i - 1).lines().count() - 1;
            assertThat(frames.get(i)).startsWith((ESC + "[1A").repeat(previousLines) + ESC + "[0G" + ESC + "[?25l");
        }
        assertThat(TIMER.matcher(frames.get(frames.size() - 1)).replaceAll("0.0s ")).isEqualTo(
                ESC + "[1A" + ESC + "[1A" + ESC + "[1A" + ESC + "[0G" + ESC + "[?25l"
                        + ESC + "[34m[+] Running 2/2" + ESC + "[0m\n"
                        + line("Network " + project + "_default", "Created")
                        + line("Container " + project + "-web-1", "Started")
                        + SHOW_CURSOR);
    }

    @Test
    void lastFrameIsDockerComposes() throws Exception {
        assumeTrue(run("docker", "compose", "version").exitCode == 0, "docker compose is needed for the comparison");
        String ours = uniqueProject();
        String theirs = uniqueProject();
        List<String> ourFrames = frames(onTerminal(ours(ours, "up", "-d")));
        cleanups.add(new String[] {"docker", "compose", "-p", theirs, "-f", dir.resolve("compose.yaml").toString(), "down"});
        List<String> theirFrames = frames(onTerminal(List.of("docker", "compose", "-p", theirs, "up", "-d")));

        assertThat(normalized(last(ourFrames), ours)).isEqualTo(normalized(last(theirFrames), theirs));
        // Earlier frames depend on timing (how far each object got when the first frame was drawn).
        String start = ESC + "[1A" + ESC + "[1B" + ESC + "[0G" + ESC + "[?25l[+] Running ";
        assertThat(ourFrames.get(0)).startsWith(start);
        assertThat(theirFrames.get(0)).startsWith(start);
    }

    private static String line(String object, String status) {
        String left = " " + ESC + "[32m✔" + ESC + "[0m " + object + "  " + ESC + "[32m" + status + ESC + "[0m";
        int visible = 1 + 1 + 1 + object.length() + 2 + status.length();
        return left + " ".repeat(100 - visible - "0.0s ".length()) + ESC + "[34m0.0s " + ESC + "[0m\n";
    }

    private static String normalized(String frame, String project) {
        return TIMER.matcher(frame.replace(project, "PROJECT")).replaceAll("0.0s ");
    }

    private static String last(List<String> frames) {
        return frames.get(frames.size() - 1);
    }

    private List<String> ours(String project, String... args) {
        Path jar = Path.of("target", "compose.jar").toAbsolutePath();
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        cleanups.add(new String[] {java, "-jar", jar.toString(), "-p", project, "-f", dir.resolve("compose.yaml").toString(),
                "down"});
        List<String> command = new ArrayList<>(List.of(java, "-jar", jar.toString(), "-p", project));
        command.addAll(List.of(args));
        return command;
    }

    /** Runs {@code command} on a fresh pseudo-terminal of 100 by 30 and returns what it wrote there. */
    private String onTerminal(List<String> command) throws Exception {
        StringBuilder shell = new StringBuilder("stty cols 100 rows 30;");
        for (String word : command) {
            shell.append(" '").append(word.replace("'", "'\\''")).append('\'');
        }
        Result r = run("script", "-qfec", shell.toString(), "/dev/null");
        assertThat(r.exitCode).as(r.output).isZero();
        return r.output.replace("\r\n", "\n");
    }

    /** The stream cut after each frame (each ends by showing the cursor again), repeats dropped. */
    private static List<String> frames(String stream) {
        List<String> frames = new ArrayList<>();
        int from = 0;
        while (true) {
            int end = stream.indexOf(SHOW_CURSOR, from);
            if (end < 0) {
                break;
            }
            String frame = stream.substring(from, end + SHOW_CURSOR.length());
            if (frames.isEmpty() || !frames.get(frames.size() - 1).equals(frame)) {
                frames.add(frame);
            }
            from = end + SHOW_CURSOR.length();
        }
        assertThat(frames).as(stream).isNotEmpty();
        assertThat(stream.substring(from)).as("after the last frame").isEmpty();
        return frames;
    }

    private static String uniqueProject() {
        return "c4jtty" + HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextInt());
    }

    private record Result(int exitCode, String output) {
    }

    private Result run(String... command) throws Exception {
        Process p = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true)
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null"))).start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
        return new Result(p.exitValue(), output);
    }
}
