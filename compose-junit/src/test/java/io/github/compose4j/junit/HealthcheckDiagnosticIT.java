package io.github.compose4j.junit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.github.compose4j.api.NotReadyException;
import io.github.compose4j.api.ProjectSource;
import io.github.compose4j.engine.Engine;
import io.github.compose4j.engine.docker.DockerEngines;
import io.github.compose4j.event.ProgressListener;
import io.github.compose4j.testing.RequiresDocker;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** A stack whose health check fails does not start: the error shows the service's state, health log and output. */
@RequiresDocker
class HealthcheckDiagnosticIT {
    private static final String YAML = """
            services:
              db:
                image: busybox:latest
                command: ["sh", "-c", "echo database booting; echo config missing >&2; exec sleep 3600"]
                stop_signal: SIGKILL
                healthcheck:
                  test: ["CMD-SHELL", "echo no answer on 5432; exit 1"]
                  interval: 200ms
                  retries: 2
              app:
                image: busybox:latest
                command: ["sleep", "3600"]
                stop_signal: SIGKILL
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

    private static StackDefinition definition(boolean keepOnFailure) {
        return new StackDefinition(ProjectSource.yaml(YAML, Path.of(".")), "unhealthy", Lifecycle.PER_CLASS,
                keepOnFailure, false, Duration.ofSeconds(60), List.of());
    }

    @Test
    void theErrorShowsStateHealthLogAndLastLogLines() {
        NotReadyException e = catchThrowableOfType(NotReadyException.class,
                () -> Stack.start(definition(false), engine, "localhost", ProgressListener.NONE));

        assertThat(e.service()).isEqualTo("db");
        assertThat(e.getMessage())
                .contains("service \"db\" is not ready: running, unhealthy")
                .containsPattern("container unhealthy-[0-9a-f]{8}-db-1")
                .contains("health log", "exit 1: no answer on 5432")
                .contains("| database booting", "| config missing");
    }

    @Test
    void aStackThatFailedToStartIsRemovedUnlessKept() {
        NotReadyException removed = catchThrowableOfType(NotReadyException.class,
                () -> Stack.start(definition(false), engine, "localhost", ProgressListener.NONE));
        NotReadyException kept = catchThrowableOfType(NotReadyException.class,
                () -> Stack.start(definition(true), engine, "localhost", ProgressListener.NONE));

        assertThat(containersOf(projectIn(removed))).isEmpty();
        String keptProject = projectIn(kept);
        assertThat(containersOf(keptProject)).hasSize(2);
        new io.github.compose4j.Compose(engine, ProgressListener.NONE, 0).downFromLabels(keptProject,
                new io.github.compose4j.plan.DownOptions(List.of(), true, true, ""),
                io.github.compose4j.execute.ExecutionOptions.defaults());
    }

    private static String projectIn(NotReadyException e) {
        var m = java.util.regex.Pattern.compile("container (unhealthy-[0-9a-f]{8})-db-1").matcher(e.getMessage());
        assertThat(m.find()).isTrue();
        return m.group(1);
    }

    private static List<?> containersOf(String project) {
        return engine.listContainers(Map.of("com.docker.compose.project", project), true);
    }
}
