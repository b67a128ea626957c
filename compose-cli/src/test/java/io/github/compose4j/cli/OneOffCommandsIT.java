package io.github.compose4j.cli;

import io.github.compose4j.engine.ContainerSummary;
import io.github.compose4j.engine.Engine;
import io.github.compose4j.engine.docker.DockerEngine;
import io.github.compose4j.observe.Labels;
import io.github.compose4j.testing.RequiresDocker;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** {@code run}, {@code exec} and {@code cp} against the real daemon; each test checks what the daemon then has. */
@RequiresDocker
@Timeout(180)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OneOffCommandsIT {
    private static final String YAML = """
            services:
              app:
                image: busybox:latest
                command: ["sleep", "infinity"]
                init: true
                depends_on: [db]
              db:
                image: busybox:latest
                command: ["sleep", "infinity"]
                init: true
            """;

    @TempDir
    Path dir;
    private final String project = "c4j-oo-" + HexFormat.of().formatHex(new SecureRandom().generateSeed(4));
    private Engine engine;
    private String out;
    private String err;

    @BeforeAll
    void connect() {
        engine = DockerEngine.connect(RequiresDocker.Check.endpoint());
    }

    @AfterAll
    void close() {
        engine.close();
    }

    @BeforeEach
    void write() throws IOException {
        Files.writeString(dir.resolve("compose.yaml"), YAML);
    }

    @AfterEach
    void down() {
        compose("down", "-v", "-t", "0", "--remove-orphans");
    }

    private int compose(String... args) {
        String[] all = new String[args.length + 2];
        all[0] = "-p";
        all[1] = project;
        System.arraycopy(args, 0, all, 2, args.length);
        ByteArrayOutputStream o = new ByteArrayOutputStream();
        ByteArrayOutputStream e = new ByteArrayOutputStream();
        CliContext ctx = new CliContext(dir, System.getenv(), () -> "", new PrintStream(o, true, StandardCharsets.UTF_8),
                new PrintStream(e, true, StandardCharsets.UTF_8));
        int code = Main.run(ctx, all);
        out = o.toString(StandardCharsets.UTF_8);
        err = e.toString(StandardCharsets.UTF_8);
        return code;
    }

    private List<ContainerSummary> oneOffs() {
        return engine.listContainers(Map.of(Labels.PROJECT, project, Labels.SERVICE, "app", Labels.ONEOFF, "True"),
                true);
    }

    @Test
    void runPassesTheExitCodeAndLabelsTheOneOffAfterStartingItsDependency() {
        int code = compose("run", "-T", "--interactive=false", "app", "sh", "-c", "echo out; echo err >&2; exit 3");

        assertThat(code).as(err).isEqualTo(3);
        assertThat(out).isEqualTo("out\n");
        assertThat(err).contains("err\n");
        List<ContainerSummary> oneOffs = oneOffs();
        assertThat(oneOffs).hasSize(1);
        ContainerSummary c = oneOffs.get(0);
        assertThat(c.name()).matches(project + "-app-run-[0-9a-f]{12}");
        assertThat(c.label(Labels.SLUG)).hasSize(64).startsWith(c.name().substring(c.name().length() - 12));
        assertThat(engine.inspectContainer(project + "-db-1").orElseThrow().status()).isEqualTo("running");
    }

    @Test
    void runDetachedPrintsTheIdAndRemoveRemovesTheOneOff() {
        assertThat(compose("run", "-d", "--no-deps", "app", "sleep", "30")).as(err).isZero();
        String id = out.strip();

        assertThat(engine.inspectContainer(id).orElseThrow().status()).isEqualTo("running");
        assertThat(compose("run", "--rm", "-T", "--interactive=false", "--no-deps", "app", "true")).as(err).isZero();
        assertThat(oneOffs()).extracting(ContainerSummary::id).containsExactly(id);
        assertThat(engine.listContainers(Map.of(Labels.PROJECT, project, Labels.SERVICE, "db"), true)).isEmpty();
    }

    @Test
    void execPassesTheExitCodeAndSeparatesTheStreams() {
        assertThat(compose("up", "-d")).as(err).isZero();

        int code = compose("exec", "-T", "--interactive=false", "-e", "GREETING=hi", "app", "sh", "-c",
                "echo $GREETING; echo oops >&2; exit 4");

        assertThat(code).isEqualTo(4);
        assertThat(out).isEqualTo("hi\n");
        assertThat(err).isEqualTo("oops\n");
    }

    @Test
    void cpCopiesAFolderIntoTheContainerAndBackUnderAnotherName() throws IOException {
        assertThat(compose("up", "-d")).as(err).isZero();
        Path folder = Files.createDirectories(dir.resolve("stuff/inner"));
        Files.writeString(folder.resolve("a.txt"), "hello from a folder");

        assertThat(compose("cp", "stuff", "app:/tmp")).as(err).isZero();
        assertThat(DockerCli.ok("exec", project + "-app-1", "cat", "/tmp/stuff/inner/a.txt"))
                .isEqualTo("hello from a folder");
        assertThat(compose("cp", "app:/tmp/stuff", "back")).as(err).isZero();
        assertThat(Files.readString(dir.resolve("back/inner/a.txt"))).isEqualTo("hello from a folder");
    }

    @Test
    void execOnATerminalStreamsInputToATtyAndPassesTheExitCode() throws Exception {
        assumeTrue(new File("/usr/bin/script").canExecute(), "util-linux script is needed for a pseudo-terminal");
        assertThat(compose("up", "-d")).as(err).isZero();
        Path jar = Path.of("target", "compose.jar").toAbsolutePath();
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        String shell = "stty cols 90 rows 20; '" + java + "' -jar '" + jar + "' -p " + project + " exec app sh";
        Process p = new ProcessBuilder("script", "-qfec", shell, "/dev/null").directory(dir.toFile())
                .redirectErrorStream(true).start();
        try (OutputStream in = p.getOutputStream()) {
            Thread.sleep(4000);
            in.write("tty; echo size $(stty size) $((6*7))\r".getBytes(StandardCharsets.UTF_8));
            in.flush();
            Thread.sleep(1000);
            in.write("exit 5\r".getBytes(StandardCharsets.UTF_8));
            in.flush();
            String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
            assertThat(output).contains("/dev/pts/").contains("size 20 90 42");
            assertThat(p.exitValue()).as(output).isEqualTo(5);
        }
    }
}
