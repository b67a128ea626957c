package io.github.compose4j.cli;

import io.github.compose4j.testing.RequiresDocker;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code up -d} honours each {@code depends_on} condition as Docker Compose 2.26 does: the dependent
 * starts once its dependency is started, healthy or completed, and when a required dependency fails,
 * {@code up} fails with Compose's message and exit code, leaving the dependent created but not started.
 */
@RequiresDocker
@Timeout(300)
class DependsOnIT {
    @TempDir
    Path tmp;
    ItProject project;

    @RegisterExtension
    final ItProjects projects = new ItProjects();

    /** A project of {@code dependency} and a long-running {@code web} that depends on it as {@code dependsOn} says. */
    private ItProject app(String dependency, String dependsOn) {
        project = projects.create(tmp, """
                services:
                  dep:
                %s
                  web:
                    image: busybox:latest
                    command: ["sleep", "3600"]
                    stop_signal: SIGKILL
                    depends_on:
                      dep:
                %s
                """.formatted(dependency.indent(4).stripTrailing(), dependsOn.indent(8).stripTrailing()));
        return project;
    }

    private static final String LONG_RUNNING = """
            image: busybox:latest
            command: ["sleep", "3600"]
            stop_signal: SIGKILL
            """;

    private static String withHealthcheck(String test) {
        return LONG_RUNNING + """
                healthcheck:
                  test: %s
                  interval: 1s
                  timeout: 2s
                  retries: 1
                """.formatted(test);
    }

    private String state(String suffix) {
        return project.inspect(suffix, "{{.State.Status}}");
    }

    private Instant startedAt(String suffix) {
        return Instant.parse(project.inspect(suffix, "{{.State.StartedAt}}"));
    }

    @Test
    void serviceStartedStartsTheDependentAfterTheDependency() {
        app(LONG_RUNNING, "condition: service_started");

        project.composeOk("up", "-d");

        assertThat(state("dep-1")).isEqualTo("running");
        assertThat(state("web-1")).isEqualTo("running");
        assertThat(startedAt("web-1")).isAfterOrEqualTo(startedAt("dep-1"));
    }

    @Test
    void serviceHealthyStartsTheDependentOnceHealthy() {
        // The probe leaves a mark in a shared volume; web copies what it finds there when it starts.
        project = projects.create(tmp, """
                services:
                  dep:
                    image: busybox:latest
                    command: ["sleep", "3600"]
                    stop_signal: SIGKILL
                    volumes: [shared:/shared]
                    healthcheck:
                      test: ["CMD", "sh", "-c", "echo probed > /shared/mark"]
                      interval: 1s
                      retries: 3
                  web:
                    image: busybox:latest
                    command: ["sh", "-c", "cat /shared/mark > /shared/seen 2>&1; exec sleep 3600"]
                    stop_signal: SIGKILL
                    volumes: [shared:/shared]
                    depends_on:
                      dep:
                        condition: service_healthy
                volumes:
                  shared: {}
                """);

        project.composeOk("up", "-d");

        assertThat(project.inspect("dep-1", "{{.State.Health.Status}}")).isEqualTo("healthy");
        assertThat(state("web-1")).isEqualTo("running");
        assertThat(DockerCli.ok("exec", project.name + "-dep-1", "sh", "-c", "while [ ! -e /shared/seen ]; do sleep 0.1; done; cat /shared/seen"))
                .as("what web found when it started").isEqualTo("probed");
    }

    @Test
    void unhealthyDependencyFailsUpAndLeavesTheDependentCreated() {
        app(withHealthcheck("[\"CMD\", \"false\"]"), "condition: service_healthy");

        ItProject.Run up = project.compose("up", "-d");

        assertThat(up.code()).isEqualTo(1);
        assertThat(up.err()).endsWith("dependency failed to start: container " + project.name + "-dep-1 is unhealthy\n");
        assertThat(state("web-1")).isEqualTo("created");
    }

    @Test
    void completedSuccessfullyStartsTheDependentAfterExitZero() {
        app("image: busybox:latest\ncommand: [\"true\"]\n", "condition: service_completed_successfully");

        project.composeOk("up", "-d");

        assertThat(project.inspect("dep-1", "{{.State.Status}} {{.State.ExitCode}}")).isEqualTo("exited 0");
        assertThat(state("web-1")).isEqualTo("running");
        assertThat(startedAt("web-1")).isAfterOrEqualTo(Instant.parse(project.inspect("dep-1", "{{.State.FinishedAt}}")));
    }

    @Test
    void completedWithNonZeroExitFailsUp() {
        app("image: busybox:latest\ncommand: [\"sh\", \"-c\", \"exit 3\"]\n", "condition: service_completed_successfully");

        ItProject.Run up = project.compose("up", "-d");

        assertThat(up.code()).isEqualTo(1);
        assertThat(up.err()).endsWith("\nservice \"dep\" didn't complete successfully: exit 3\n");
        assertThat(state("web-1")).isEqualTo("created");
    }

    @Test
    void failedOptionalDependencyOnlyWarns() {
        app(withHealthcheck("[\"CMD\", \"false\"]"), "condition: service_healthy\nrequired: false");

        ItProject.Run up = project.compose("up", "-d");

        assertThat(up.code()).isZero();
        assertThat(up.err()).contains("optional dependency \\\"dep\\\" failed to start: container " + project.name
                + "-dep-1 is unhealthy");
        assertThat(state("web-1")).isEqualTo("running");
    }

    @Test
    void missingOptionalDependencyIsSkipped() {
        app(LONG_RUNNING + "profiles: [debug]\n", "condition: service_started\nrequired: false");

        ItProject.Run up = project.compose("up", "-d");

        assertThat(up.code()).isZero();
        assertThat(project.containers()).containsOnlyKeys(project.name + "-web-1");
        assertThat(state("web-1")).isEqualTo("running");
    }
}
