package io.github.compose4j.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

/** What the fake offers executor tests beyond the engine contract. */
class FakeEngineTest {
    private final FakeEngine engine = new FakeEngine().withImages("busybox");

    private String create(String name) {
        return engine.createContainer(TestSpecs.container(name, "busybox", Map.of(), List.of()));
    }

    @Test
    void recordsChangesInOrderByName() {
        String id = create("p-web-1");
        engine.listContainers(Map.of("p", "1"), true);
        engine.startContainer(id);
        engine.stopContainer(id, OptionalInt.of(3));

        assertThat(engine.changes()).containsExactly("createContainer p-web-1", "startContainer p-web-1",
            "stopContainer p-web-1");
        assertThat(engine.calls()).extracting(FakeEngine.Call::method).contains("listContainers");
        assertThat(engine.calls().get(3).detail()).isEqualTo(OptionalInt.of(3));
    }

    @Test
    void idsAreTheSameInEveryRun() {
        assertThat(create("a")).isEqualTo(new FakeEngine().withImages("busybox")
            .createContainer(TestSpecs.container("a", "busybox", Map.of(), List.of())));
    }

    @Test
    void aConfiguredFailureIsThrownAndTheCallStillRecorded() {
        EngineException boom = new EngineException(EngineException.Kind.OTHER, "boom");
        engine.failOn("startContainer", "p-web-1", boom);
        String id = create("p-web-1");

        assertThatThrownBy(() -> engine.startContainer(id)).isSameAs(boom);
        assertThat(engine.changes()).containsExactly("createContainer p-web-1", "startContainer p-web-1");
        assertThat(engine.inspectContainer(id).orElseThrow().running()).isFalse();
    }

    @Test
    void healthAndExitAreSetByTheTest() {
        ContainerSpec base = TestSpecs.container("db", "busybox", Map.of(), List.of());
        ContainerSpec.Config c = base.config();
        ContainerSpec.Config checked = new ContainerSpec.Config(c.image(), c.cmd(), c.entrypoint(), c.env(),
            c.workingDir(), c.user(), c.hostname(), c.domainname(), c.labels(), c.exposedPorts(), c.tty(),
            c.openStdin(), c.stdinOnce(), c.attachStdin(), c.attachStdout(), c.attachStderr(), c.stopSignal(),
            c.stopTimeout(), Optional.of(new ContainerSpec.Healthcheck(List.of("CMD", "true"), 0, 0, 0, 0, 0)),
            c.networkDisabled(), c.macAddress(), c.volumes());
        String id = engine.createContainer(new ContainerSpec("db", "", checked, base.host(), Map.of()));
        engine.startContainer(id);
        assertThat(engine.inspectContainer(id).orElseThrow().health()).contains("starting");

        engine.setHealth("db", "healthy");
        assertThat(engine.inspectContainer(id).orElseThrow().health()).contains("healthy");

        engine.exit("db", 3);
        ContainerDetails exited = engine.inspectContainer(id).orElseThrow();
        assertThat(exited.running()).isFalse();
        assertThat(exited.exitCode()).isEqualTo(3);
    }

    @Test
    void aContainerWithoutNetworksJoinsTheDefaultBridge() {
        String id = create("plain");

        assertThat(engine.inspectContainer(id).orElseThrow().networks()).containsOnlyKeys("bridge");
        assertThat(engine.inspectNetwork("bridge")).isPresent();
    }

    @Test
    void copiedFilesAreKeptByAbsolutePath() {
        String id = create("secrets");

        engine.copyToContainer(id, "/", TestTar.of(Map.of("run/secrets/token", "s3cret".getBytes())), false);

        assertThat(engine.files(id)).containsOnlyKeys("/run/secrets/token");
        assertThat(new String(engine.files(id).get("/run/secrets/token"))).isEqualTo("s3cret");
    }

    @Test
    void referencesAreComparedInTheirNormalForm() {
        assertThat(engine.inspectImage("docker.io/library/busybox:latest")).isPresent();
        assertThat(engine.inspectImage("busybox:1")).isEmpty();
    }

    @Test
    void aContainerCannotJoinANetworkThatDoesNotExist() {
        ContainerSpec spec = TestSpecs.container("x", "busybox", Map.of(), List.of(), "p_default",
            Map.of("p_default", TestSpecs.endpoint()));

        assertThatThrownBy(() -> engine.createContainer(spec)).isInstanceOfSatisfying(EngineException.class,
            e -> assertThat(e.kind()).isEqualTo(EngineException.Kind.NOT_FOUND));
    }
}
