package io.github.compose4j.cli;

import io.github.compose4j.engine.ContainerDetails;
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
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The lifecycle commands against the real daemon; each test checks what the daemon then has. */
@RequiresDocker
@Timeout(180)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LifecycleCommandsIT {
    private static final String YAML = """
            services:
              web:
                image: busybox:latest
                command: ["sleep", "infinity"]
                init: true
                depends_on: [db]
              db:
                image: busybox:latest
                command: ["sleep", "infinity"]
                init: true
              job:
                image: busybox:latest
                command: ["sh", "-c", "sleep 3; exit 3"]
                profiles: [jobs]
            """;

    @TempDir
    Path dir;
    private final String project = "c4j-lc-" + HexFormat.of().formatHex(new SecureRandom().generateSeed(4));
    private Engine engine;
    private String stdin = "";
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
        compose("--profile", "jobs", "down", "-v", "-t", "0", "--remove-orphans");
    }

    private int compose(String... args) {
        String[] all = new String[args.length + 2];
        all[0] = "-p";
        all[1] = project;
        System.arraycopy(args, 0, all, 2, args.length);
        ByteArrayOutputStream o = new ByteArrayOutputStream();
        ByteArrayOutputStream e = new ByteArrayOutputStream();
        String in = stdin;
        CliContext ctx = new CliContext(dir, System.getenv(), () -> in, new PrintStream(o, true, StandardCharsets.UTF_8),
                new PrintStream(e, true, StandardCharsets.UTF_8));
        int code = Main.run(ctx, all);
        out = o.toString(StandardCharsets.UTF_8);
        err = e.toString(StandardCharsets.UTF_8);
        return code;
    }

    private String name(String service, int n) {
        return project + "-" + service + "-" + n;
    }

    private ContainerDetails inspect(String service) {
        return engine.inspectContainer(name(service, 1)).orElseThrow();
    }

    private String state(String service) {
        return inspect(service).status();
    }

    private List<String> ids(String service) {
        return engine.listContainers(Map.of(Labels.PROJECT, project, Labels.SERVICE, service), true).stream()
                .map(ContainerSummary::id).sorted().toList();
    }

    private void upAndRunning() {
        assertThat(compose("up", "-d")).as(err).isZero();
        assertThat(state("web")).isEqualTo("running");
        assertThat(state("db")).isEqualTo("running");
    }

    @Test
    void stopStopsTheProjectsContainers() {
        upAndRunning();

        assertThat(compose("stop", "-t", "0")).as(err).isZero();

        assertThat(state("web")).isEqualTo("exited");
        assertThat(state("db")).isEqualTo("exited");
        assertThat(err).contains(" Container " + name("web", 1) + "  Stopped");
    }

    @Test
    void startStartsTheServiceWithItsStoppedDependencyInTheSameContainers() {
        upAndRunning();
        List<String> before = ids("web");
        compose("stop", "-t", "0");

        assertThat(compose("start", "web")).as(err).isZero();

        assertThat(state("web")).isEqualTo("running");
        assertThat(state("db")).isEqualTo("running");
        assertThat(ids("web")).isEqualTo(before);
    }

    @Test
    void restartRunsAStoppedContainerAgain() {
        upAndRunning();
        String before = inspect("db").startedAt();
        compose("stop", "-t", "0", "db");

        assertThat(compose("restart", "-t", "0", "db")).as(err).isZero();

        assertThat(state("db")).isEqualTo("running");
        assertThat(inspect("db").startedAt()).isNotEqualTo(before);
        assertThat(err).contains(" Container " + name("db", 1) + "  Restarting");
    }

    @Test
    void killEndsTheNamedServiceOnly() {
        upAndRunning();

        assertThat(compose("kill", "-s", "SIGKILL", "web")).as(err).isZero();

        assertThat(state("web")).isEqualTo("exited");
        assertThat(inspect("web").exitCode()).isEqualTo(137);
        assertThat(state("db")).isEqualTo("running");
    }

    @Test
    void pauseFreezesAndUnpauseResumes() {
        upAndRunning();

        assertThat(compose("pause", "db")).as(err).isZero();
        assertThat(state("db")).isEqualTo("paused");
        assertThat(state("web")).isEqualTo("running");
        assertThat(compose("pause", "db")).isEqualTo(1);
        assertThat(err).contains("is already paused");

        assertThat(compose("unpause", "db")).as(err).isZero();
        assertThat(state("db")).isEqualTo("running");
    }

    @Test
    void rmRemovesStoppedContainersOnlyWhenConfirmed() {
        upAndRunning();
        compose("stop", "-t", "0", "web");

        stdin = "n\n";
        assertThat(compose("rm")).isZero();
        assertThat(out).isEqualTo("Going to remove " + name("web", 1));
        assertThat(engine.inspectContainer(name("web", 1))).isPresent();

        stdin = "y\n";
        assertThat(compose("rm")).isZero();
        assertThat(engine.inspectContainer(name("web", 1))).isEmpty();
        assertThat(state("db")).isEqualTo("running");
    }

    @Test
    void rmStopForceRemovesRunningContainersOfTheService() {
        upAndRunning();

        assertThat(compose("rm", "-s", "-f", "db")).as(err).isZero();

        assertThat(engine.inspectContainer(name("db", 1))).isEmpty();
        assertThat(state("web")).isEqualTo("running");
        assertThat(out).isEqualTo("Going to remove " + name("db", 1) + "\n");
    }

    @Test
    void scaleAddsAndRemovesReplicas() {
        upAndRunning();

        assertThat(compose("scale", "web=2")).as(err).isZero();
        assertThat(ids("web")).hasSize(2);
        assertThat(engine.inspectContainer(name("web", 2)).orElseThrow().status()).isEqualTo("running");

        assertThat(compose("scale", "web=1")).as(err).isZero();
        assertThat(ids("web")).hasSize(1);
        assertThat(engine.inspectContainer(name("web", 1))).isPresent();
    }

    @Test
    void waitReturnsTheExitCodeOfTheServiceAndCanTakeTheProjectDown() {
        assertThat(compose("--profile", "jobs", "up", "-d", "job", "db")).as(err).isZero();

        int code = compose("wait", "--down-project", "job");

        assertThat(code).as(err).isEqualTo(3);
        assertThat(out).matches("container \"[0-9a-f]{64}\" exited with status code 3\n");
        assertThat(engine.listContainers(Map.of(Labels.PROJECT, project), true)).isEmpty();
    }
}
