package io.github.compose4j.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Compose's readiness of one container: healthy with a health check, exited 0 for one-shots, else running. */
class ReadinessTest {
    private static ServiceContainer container(String state, String health, int exitCode) {
        return new ServiceContainer("id", "p-s-1", "s", 1, state, Optional.ofNullable(health), exitCode, List.of());
    }

    @Test
    void aHealthCheckedContainerIsReadyOnlyWhenHealthy() {
        assertThat(Readiness.verdict(container("running", "starting", 0))).isEqualTo(Readiness.Verdict.WAITING);
        assertThat(Readiness.verdict(container("running", "healthy", 0))).isEqualTo(Readiness.Verdict.READY);
    }

    @Test
    void anUnhealthyContainerFails() {
        assertThat(Readiness.verdict(container("running", "unhealthy", 0))).isEqualTo(Readiness.Verdict.FAILED);
    }

    @Test
    void aOneShotContainerIsReadyOnceExitedWithZero() {
        assertThat(Readiness.verdict(container("exited", null, 0))).isEqualTo(Readiness.Verdict.READY);
    }

    @Test
    void aContainerThatExitedWithAnErrorFails() {
        assertThat(Readiness.verdict(container("exited", null, 3))).isEqualTo(Readiness.Verdict.FAILED);
    }

    @Test
    void aContainerWithoutHealthCheckIsReadyWhenRunning() {
        assertThat(Readiness.verdict(container("running", null, 0))).isEqualTo(Readiness.Verdict.READY);
        assertThat(Readiness.verdict(container("created", null, 0))).isEqualTo(Readiness.Verdict.WAITING);
        assertThat(Readiness.verdict(container("restarting", null, 1))).isEqualTo(Readiness.Verdict.WAITING);
    }
}
