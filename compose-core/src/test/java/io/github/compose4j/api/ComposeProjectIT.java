package io.github.compose4j.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.compose4j.engine.Engine;
import io.github.compose4j.engine.docker.DockerEngines;
import io.github.compose4j.event.ProgressListener;
import io.github.compose4j.testing.RequiresDocker;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The library API against the real daemon: one project object from inline YAML through up, ps, exec, logs, down. */
@RequiresDocker
class ComposeProjectIT {
    private static final String YAML = """
            services:
              web:
                image: busybox:latest
                command: ["sh", "-c", "echo hello from ${GREETER}; exec httpd -f -p 80 -h /"]
                stop_signal: SIGKILL
                ports: ["80"]
              once:
                image: busybox:latest
                command: ["true"]
            """;

    private static Engine engine;

    @BeforeAll
    static void connect() {
        engine = DockerEngines.fromEnvironment(System.getenv());
    }

    @AfterAll
    static void disconnect() {
        engine.close();
    }

    private static ComposeProject open(String yaml) {
        return ComposeProject.open(engine, ProjectSource.yaml(yaml, Path.of("."))
                .withEnv(Map.of("GREETER", "compose4j"))
                .withProjectName("c4j-api-" + UUID.randomUUID().toString().substring(0, 8)), ProgressListener.NONE);
    }

    @Test
    void upWaitsForEveryServiceAndPsReportsThemTyped() {
        try (ComposeProject stack = open(YAML)) {
            stack.up(UpSettings.defaults());

            assertThat(stack.ps()).extracting(ServiceContainer::service, ServiceContainer::index, ServiceContainer::state)
                    .containsExactly(org.assertj.core.groups.Tuple.tuple("once", 1, "exited"),
                            org.assertj.core.groups.Tuple.tuple("web", 1, "running"));
            assertThat(stack.ps("web").get(0).ports()).isNotEmpty()
                    .allSatisfy(p -> assertThat(p.publishedPort()).isPositive());
        }
    }

    @Test
    void execReturnsExitCodeAndBothStreams() {
        try (ComposeProject stack = open(YAML)) {
            stack.up(UpSettings.defaults().withServices("web"));

            ExecResult r = stack.exec("web", 0, "sh", "-c", "echo out; echo err >&2; exit 3");

            assertThat(r).isEqualTo(new ExecResult(3, "out\n", "err\n"));
        }
    }

    @Test
    void logsAreInterpolatedWithTheGivenEnvironment() {
        try (ComposeProject stack = open(YAML)) {
            stack.up(UpSettings.defaults().withServices("web"));

            assertThat(stack.logs("web", 0, 10)).contains("hello from compose4j");
        }
    }

    @Test
    void closeRemovesTheStack() {
        ComposeProject stack = open(YAML);
        stack.up(UpSettings.defaults().withServices("web"));

        stack.close();

        assertThat(engine.listContainers(Map.of("com.docker.compose.project", stack.name()), true)).isEmpty();
    }

    @Test
    void anUnhealthyServiceIsReportedWithItsHealthLogAndLastLogLines() {
        String failing = """
                services:
                  broken:
                    image: busybox:latest
                    command: ["sh", "-c", "echo cannot start; sleep 60"]
                    healthcheck:
                      test: ["CMD", "sh", "-c", "echo probe failed; exit 1"]
                      interval: 200ms
                      retries: 1
                """;
        try (ComposeProject stack = open(failing)) {
            assertThatThrownBy(() -> stack.up(UpSettings.defaults().withTimeout(Duration.ofSeconds(30))))
                    .isInstanceOf(NotReadyException.class)
                    .hasMessageContaining("service \"broken\" is not ready: running, unhealthy")
                    .hasMessageContaining("exit 1: probe failed")
                    .hasMessageContaining("| cannot start");
        }
    }
}
