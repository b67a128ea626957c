package io.github.compose4j.execute;

import io.github.compose4j.engine.ContainerSpec;
import io.github.compose4j.model.Project;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static io.github.compose4j.execute.TestProjects.API_141;
import static io.github.compose4j.execute.TestProjects.create;
import static io.github.compose4j.execute.TestProjects.load;
import static org.assertj.core.api.Assertions.assertThat;

/** The container's own configuration; expectations read from containers docker compose 2.26.1 created. */
class ContainerConfigTest {
    @TempDir
    Path dir;

    private ContainerSpec.Config config(String yaml, String service) {
        return create(load(dir, "x", yaml), service, API_141).spec().config();
    }

    @Test
    void imageDefaultsToProjectDashService() {
        ContainerSpec.Config c = config("""
                services:
                  web:
                    build: .
                """, "web");
        assertThat(c.image()).isEqualTo("x-web");
    }

    @Test
    void absentCommandKeepsTheImagesAndEmptyEntrypointOverridesIt() {
        ContainerSpec.Config c = config("""
                services:
                  web:
                    image: busybox
                    entrypoint: []
                """, "web");
        assertThat(c.cmd()).isEmpty();
        assertThat(c.entrypoint()).contains(List.of());
    }

    @Test
    void shellFormCommandAndEntrypointAreSplit() {
        ContainerSpec.Config c = config("""
                services:
                  web:
                    image: busybox
                    entrypoint: /bin/sh -c
                    command: sleep 1000
                """, "web");
        assertThat(c.entrypoint()).contains(List.of("/bin/sh", "-c"));
        assertThat(c.cmd()).contains(List.of("sleep", "1000"));
    }

    @Test
    void unresolvedVariablesAreSentAsBareNames() {
        ContainerSpec.Config c = config("""
                services:
                  web:
                    image: busybox
                    environment:
                      A: "1"
                      UNSET_ONE:
                      EMPTY: ""
                """, "web");
        assertThat(c.env()).containsExactly("A=1", "EMPTY=", "UNSET_ONE");
    }

    @Test
    void identityAndTerminalSettings() {
        ContainerSpec.Config c = config("""
                services:
                  web:
                    image: busybox
                    working_dir: /w
                    user: "1000:1000"
                    hostname: h1
                    domainname: example.com
                    tty: true
                    stdin_open: true
                """, "web");
        assertThat(List.of(c.workingDir(), c.user(), c.hostname(), c.domainname()))
                .containsExactly("/w", "1000:1000", "h1", "example.com");
        assertThat(c.tty()).isTrue();
        assertThat(c.openStdin()).isTrue();
        assertThat(c.stdinOnce()).isFalse();
        assertThat(c.attachStdin()).isFalse();
        assertThat(c.attachStdout()).isTrue();
        assertThat(c.attachStderr()).isTrue();
    }

    @Test
    void attachingStdinOfAnOpenStdinMakesItStdinOnce() {
        Project p = load(dir, "x", """
                services:
                  web:
                    image: busybox
                    stdin_open: true
                """);
        var s = p.services().get("web");
        var r = new ContainerRequest(p, s, 1, "x-web-1", Map.of(), ResolvedReferences.NONE, API_141, false, true,
                true, List.of(), Set.of(), Optional.empty());
        ContainerSpec spec = ContainerSpecs.build(r).spec();
        assertThat(spec.config().attachStdin()).isTrue();
        assertThat(spec.config().stdinOnce()).isTrue();
        assertThat(spec.host().autoRemove()).isTrue();
    }

    @Test
    void stopGracePeriodIsTruncatedToSeconds() {
        Project p = load(dir, "x", """
                services:
                  a:
                    image: busybox
                    stop_signal: SIGINT
                    stop_grace_period: 1m30s
                  b:
                    image: busybox
                    stop_grace_period: 1500ms
                  c:
                    image: busybox
                """);
        assertThat(create(p, "a", API_141).spec().config().stopTimeout()).contains(90);
        assertThat(create(p, "a", API_141).spec().config().stopSignal()).isEqualTo("SIGINT");
        assertThat(create(p, "b", API_141).spec().config().stopTimeout()).contains(1);
        assertThat(create(p, "c", API_141).spec().config().stopTimeout()).isEmpty();
    }

    @Test
    void labelsAreTheRequestsAndNameIsTheRequestedOne() {
        Project p = load(dir, "x", """
                services:
                  web:
                    image: busybox
                """);
        var s = p.services().get("web");
        var r = ContainerRequest.forUp(p, s, 1, "0123456789ab_x-web-1", Map.of("k", "v"), ResolvedReferences.NONE,
                API_141);
        ContainerSpec spec = ContainerSpecs.build(r).spec();
        assertThat(spec.name()).isEqualTo("0123456789ab_x-web-1");
        assertThat(spec.config().labels()).containsOnly(Map.entry("k", "v"));
    }

    @Test
    void platformFallsBackToDockerDefaultPlatform() {
        Project p = load(dir, "x", """
                services:
                  a:
                    image: busybox
                    platform: linux/arm64
                  b:
                    image: busybox
                """, Map.of("DOCKER_DEFAULT_PLATFORM", "linux/amd64"));
        assertThat(create(p, "a", API_141).spec().platform()).isEqualTo("linux/arm64");
        assertThat(create(p, "b", API_141).spec().platform()).isEqualTo("linux/amd64");
    }

    @Test
    void disabledNetworkModeDisablesNetworking() {
        ContainerSpec.Config c = config("""
                services:
                  web:
                    image: busybox
                    network_mode: disabled
                """, "web");
        assertThat(c.networkDisabled()).isTrue();
    }
}
