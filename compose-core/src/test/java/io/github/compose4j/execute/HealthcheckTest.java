package io.github.compose4j.execute;

import io.github.compose4j.engine.ContainerSpec;
import io.github.compose4j.model.Project;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static io.github.compose4j.execute.TestProjects.API_141;
import static io.github.compose4j.execute.TestProjects.API_144;
import static io.github.compose4j.execute.TestProjects.create;
import static io.github.compose4j.execute.TestProjects.load;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class HealthcheckTest {
    @TempDir
    Path dir;

    private Project project() {
        return load(dir, "x", """
                services:
                  full:
                    image: busybox
                    healthcheck:
                      test: ["CMD", "true"]
                      interval: 10s
                      timeout: 5s
                      retries: 3
                      start_period: 1s
                  shell:
                    image: busybox
                    healthcheck:
                      test: echo hi
                  disabled:
                    image: busybox
                    healthcheck:
                      disable: true
                  none:
                    image: busybox
                  starting:
                    image: busybox
                    healthcheck:
                      test: ["CMD", "true"]
                      start_interval: 2s
                """);
    }

    private ContainerSpec.Healthcheck check(String service, String api) {
        return create(project(), service, api).spec().config().healthcheck().orElseThrow();
    }

    @Test
    void durationsInNanoseconds() {
        assertThat(check("full", API_141)).isEqualTo(new ContainerSpec.Healthcheck(List.of("CMD", "true"),
                10_000_000_000L, 5_000_000_000L, 1_000_000_000L, 0, 3));
    }

    @Test
    void stringTestRunsInAShell() {
        assertThat(check("shell", API_141)).isEqualTo(new ContainerSpec.Healthcheck(List.of("CMD-SHELL", "echo hi"),
                0, 0, 0, 0, 0));
    }

    @Test
    void disableSendsNone() {
        assertThat(check("disabled", API_141).test()).containsExactly("NONE");
    }

    @Test
    void noHealthcheckKeepsTheImages() {
        assertThat(create(project(), "none", API_141).spec().config().healthcheck()).isEmpty();
    }

    @Test
    void startIntervalNeedsApi144() {
        assertThatThrownBy(() -> create(project(), "starting", API_141))
                .hasMessage("can't set healthcheck.start_interval as feature require Docker Engine v25 or later");
        assertThat(check("starting", API_144).startIntervalNanos()).isEqualTo(2_000_000_000L);
    }
}
