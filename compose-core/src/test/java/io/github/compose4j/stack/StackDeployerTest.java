package io.github.compose4j.stack;

import io.github.compose4j.engine.FakeEngine;
import io.github.compose4j.engine.swarm.SwarmFile;
import io.github.compose4j.engine.swarm.SwarmService;
import io.github.compose4j.error.ComposeException;
import io.github.compose4j.testing.TestProjects;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class StackDeployerTest {
    private static final String TWO_SERVICES = """
            services:
              web: {image: busybox, deploy: {replicas: 2}, configs: [conf]}
              worker: {image: busybox}
            configs:
              conf: {file: ./conf}
            """;
    private static final DeployOptions DETACHED = new DeployOptions(false, DeployOptions.ResolveImage.NEVER,
        false, true);

    private final FakeEngine engine = new FakeEngine();
    private final List<String> out = new ArrayList<>();
    private final StackDeployer deployer = new StackDeployer(engine, out::add, line -> { });

    private static StackSpec stack(String yaml, String conf) {
        return StackConverter.convert(TestProjects.project(yaml), "st", Map.of(),
            Map.of("conf", conf.getBytes(StandardCharsets.UTF_8)));
    }

    private List<SwarmService> services() {
        return engine.listServices(Map.of(StackLabels.NAMESPACE, "st"), Set.of());
    }

    @Test
    void aDaemonThatIsNotASwarmManagerIsToldClearly() {
        assertThatThrownBy(() -> deployer.deploy(stack(TWO_SERVICES, "v1"), DETACHED))
            .isInstanceOf(ComposeException.class)
            .hasMessage("this node is not a swarm manager; run `docker swarm init` or point DOCKER_HOST at a manager");
    }

    @Test
    void aFirstDeployCreatesNetworkConfigAndServices() {
        engine.swarmManager();

        deployer.deploy(stack(TWO_SERVICES, "v1"), DETACHED);

        assertThat(services()).extracting(s -> s.spec().name()).containsExactlyInAnyOrder("st_web", "st_worker");
        assertThat(engine.listNetworks(Map.of(StackLabels.NAMESPACE, "st"))).extracting(n -> n.name())
            .containsExactly("st_default");
        assertThat(engine.listSwarmFiles(SwarmFile.Kind.CONFIG, Map.of())).singleElement()
            .satisfies(f -> assertThat(f.name()).startsWith("st_conf-"));
    }

    @Test
    void anUnchangedRedeployUpdatesNothing() {
        engine.swarmManager();
        deployer.deploy(stack(TWO_SERVICES, "v1"), DETACHED);
        engine.clearCalls();

        List<ServiceChange> changes = deployer.deploy(stack(TWO_SERVICES, "v1"), DETACHED);

        assertThat(changes).extracting(ServiceChange::kind).containsOnly(ServiceChange.Kind.UNCHANGED);
        assertThat(engine.calls()).noneMatch(c -> c.method().equals("updateService")
            || c.method().startsWith("create"));
    }

    @Test
    void aChangedReplicaCountUpdatesOnlyThatService() {
        engine.swarmManager();
        deployer.deploy(stack(TWO_SERVICES, "v1"), DETACHED);

        List<ServiceChange> changes = deployer.deploy(stack(TWO_SERVICES.replace("replicas: 2", "replicas: 5"), "v1"),
            DETACHED);

        assertThat(changes).extracting(c -> c.spec().name() + " " + c.kind())
            .containsExactly("st_web UPDATE", "st_worker UNCHANGED");
        assertThat(services()).filteredOn(s -> s.spec().name().equals("st_web")).singleElement()
            .satisfies(s -> assertThat(s.spec().mode().replicas()).isEqualTo(5));
    }

    @Test
    void newConfigContentIsANewConfigAndTheOldOneIsRemoved() {
        engine.swarmManager();
        deployer.deploy(stack(TWO_SERVICES, "v1"), DETACHED);
        String v1 = engine.listSwarmFiles(SwarmFile.Kind.CONFIG, Map.of()).get(0).name();

        List<ServiceChange> changes = deployer.deploy(stack(TWO_SERVICES, "v2"), DETACHED);

        assertThat(changes).extracting(c -> c.spec().name() + " " + c.kind())
            .containsExactly("st_web UPDATE", "st_worker UNCHANGED");
        assertThat(engine.listSwarmFiles(SwarmFile.Kind.CONFIG, Map.of())).singleElement()
            .satisfies(f -> assertThat(f.name()).startsWith("st_conf-").isNotEqualTo(v1));
    }

    @Test
    void pruneRemovesServicesNoLongerInTheFile() {
        engine.swarmManager();
        deployer.deploy(stack(TWO_SERVICES, "v1"), DETACHED);

        deployer.deploy(stack("""
                services:
                  web: {image: busybox, deploy: {replicas: 2}, configs: [conf]}
                configs:
                  conf: {file: ./conf}
                """, "v1"), new DeployOptions(true, DeployOptions.ResolveImage.NEVER, false, true));

        assertThat(services()).extracting(s -> s.spec().name()).containsExactly("st_web");
    }

    @Test
    void withoutPruneAServiceNoLongerInTheFileStays() {
        engine.swarmManager();
        deployer.deploy(stack(TWO_SERVICES, "v1"), DETACHED);

        deployer.deploy(stack("""
                services:
                  web: {image: busybox, deploy: {replicas: 2}, configs: [conf]}
                configs:
                  conf: {file: ./conf}
                """, "v1"), DETACHED);

        assertThat(services()).hasSize(2);
    }

    @Test
    void aResolvedDigestPinsTheImage() {
        engine.swarmManager().registryDigest("busybox", "sha256:abc");

        deployer.deploy(stack(TWO_SERVICES, "v1"), new DeployOptions(false, DeployOptions.ResolveImage.ALWAYS,
            false, true));

        assertThat(services()).allSatisfy(s -> {
            assertThat(s.spec().task().container().image()).isEqualTo("busybox@sha256:abc");
            assertThat(s.spec().labels()).containsEntry(StackLabels.IMAGE, "busybox");
        });
    }

    @Test
    void resolveChangedKeepsThePinnedImageOfAnUnchangedService() {
        engine.swarmManager().registryDigest("busybox", "sha256:abc");
        deployer.deploy(stack(TWO_SERVICES, "v1"), new DeployOptions(false, DeployOptions.ResolveImage.ALWAYS,
            false, true));
        engine.registryDigest("busybox", "sha256:def");

        List<ServiceChange> changes = deployer.deploy(stack(TWO_SERVICES, "v1"),
            new DeployOptions(false, DeployOptions.ResolveImage.CHANGED, false, true));

        assertThat(changes).extracting(ServiceChange::kind).containsOnly(ServiceChange.Kind.UNCHANGED);
    }

    @Test
    void removeTakesServicesConfigsAndNetworks() {
        engine.swarmManager();
        deployer.deploy(stack(TWO_SERVICES, "v1"), DETACHED);

        deployer.remove("st");

        assertThat(services()).isEmpty();
        assertThat(engine.listSwarmFiles(SwarmFile.Kind.CONFIG, Map.of())).isEmpty();
        assertThat(engine.listNetworks(Map.of(StackLabels.NAMESPACE, "st"))).isEmpty();
    }

    @Test
    void removingAnUnknownStackSaysSo() {
        engine.swarmManager();

        deployer.remove("nothing");

        assertThat(out).containsExactly("Nothing found in stack: nothing");
    }

    @Test
    void aMissingExternalNetworkStopsTheDeploy() {
        engine.swarmManager();

        assertThatThrownBy(() -> deployer.deploy(StackConverter.convert(TestProjects.project("""
                services:
                  app: {image: busybox, networks: [shared]}
                networks:
                  shared: {external: true, name: corp}
                """), "st", Map.of(), Map.of()), DETACHED))
            .hasMessage("network \"corp\" is declared as external, but could not be found. You need to create a "
                + "swarm-scoped network before the stack is deployed");
    }

    @Test
    void withRegistryAuthEachServiceIsCreatedWithItsImagesCredentials() {
        engine.swarmManager().registryAuth("busybox", "encoded-hub-auth");
        deployer.deploy(stack(TWO_SERVICES, "v1"), DETACHED);
        assertThat(engine.sentRegistryAuths()).containsExactlyInAnyOrder("st_web=", "st_worker=");

        FakeEngine other = new FakeEngine().swarmManager().registryAuth("busybox", "encoded-hub-auth");
        new StackDeployer(other, out::add, line -> { }).deploy(stack(TWO_SERVICES, "v1"),
            new DeployOptions(false, DeployOptions.ResolveImage.NEVER, true, true));
        assertThat(other.sentRegistryAuths()).containsExactlyInAnyOrder("st_web=encoded-hub-auth",
            "st_worker=encoded-hub-auth");
    }
}
