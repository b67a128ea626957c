package io.github.compose4j.inspect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.compose4j.engine.ContainerSpec;
import io.github.compose4j.engine.FakeEngine;
import io.github.compose4j.engine.PortBinding;
import io.github.compose4j.engine.TestSpecs;
import io.github.compose4j.error.ComposeException;
import io.github.compose4j.observe.Labels;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class InspectionTest {
    private final FakeEngine engine = new FakeEngine().withImages("busybox:latest");
    private final Inspection inspection = new Inspection(engine);

    private String container(String project, String service, int number, boolean oneOff, boolean start,
                             List<PortBinding> ports) {
        Map<String, String> labels = Map.of(Labels.PROJECT, project, Labels.SERVICE, service,
            Labels.CONTAINER_NUMBER, Integer.toString(number), Labels.ONEOFF, oneOff ? "True" : "False",
            Labels.CONFIG_HASH, "h", Labels.CONFIG_FILES, "/p/" + project + "/compose.yaml");
        ContainerSpec base = TestSpecs.container(project + "-" + service + "-" + number + (oneOff ? "-run" : ""),
            "busybox:latest", labels, List.of("sleep", "300"));
        ContainerSpec spec = new ContainerSpec(base.name(), base.platform(), base.config(),
            TestSpecs.publishing(ports), base.endpoints());
        String id = engine.createContainer(spec);
        if (start) {
            engine.startContainer(id);
        }
        return id;
    }

    @Test
    void psListsRunningServiceContainersOnlyByDefault() {
        container("app", "web", 1, false, true, List.of());
        container("app", "db", 1, false, false, List.of());
        container("app", "web", 2, true, true, List.of());
        container("other", "web", 1, false, true, List.of());

        assertThat(inspection.ps("app", List.of(), false)).extracting(ContainerRow::name)
            .containsExactly("app-web-1");
        assertThat(inspection.ps("APP", List.of(), true)).extracting(ContainerRow::name)
            .containsExactlyInAnyOrder("app-web-1", "app-db-1", "app-web-2-run");
    }

    @Test
    void psKeepsTheNamedServicesOnly() {
        container("app", "web", 1, false, true, List.of());
        container("app", "db", 1, false, true, List.of());
        container("app", "cache", 1, false, true, List.of());

        assertThat(inspection.ps("app", List.of("web", "db"), false)).extracting(ContainerRow::service)
            .containsExactlyInAnyOrder("web", "db");
    }

    @Test
    void psReportsTheExitCodeOfExitedContainersAndTheCommand() {
        String id = container("app", "job", 1, false, true, List.of());
        engine.exit(id, 3);

        assertThat(inspection.ps("app", List.of(), true)).singleElement().satisfies(r -> {
            assertThat(r.exitCode()).isEqualTo(3);
            assertThat(r.state()).isEqualTo("exited");
            assertThat(r.command()).isEqualTo("sleep 300");
            assertThat(r.project()).isEqualTo("app");
        });
    }

    @Test
    void psReportsHealthOfRunningContainers() {
        String id = container("app", "web", 1, false, true, List.of());
        engine.setHealth(id, "healthy");

        assertThat(inspection.ps("app", List.of(), false)).singleElement()
            .satisfies(r -> assertThat(r.health()).isEqualTo("healthy"));
    }

    @Test
    void psSortsPublishersByContainerPort() {
        container("app", "web", 1, false, true, List.of(new PortBinding("", 9000, 90, "tcp"),
            new PortBinding("127.0.0.1", 8000, 80, "tcp")));

        assertThat(inspection.ps("app", List.of(), false)).singleElement()
            .satisfies(r -> assertThat(r.publishers()).extracting(ContainerRow.Publisher::targetPort)
                .containsExactly(80, 90));
    }

    @Test
    void projectsCountStatesAndHideStoppedProjectsUnlessAll() {
        container("app", "web", 1, false, true, List.of());
        container("app", "db", 1, false, false, List.of());
        container("idle", "web", 1, false, false, List.of());

        assertThat(inspection.projects(false)).containsExactly(
            new ProjectStack("app", "running(1)", "/p/app/compose.yaml"));
        assertThat(inspection.projects(true)).containsExactly(
            new ProjectStack("app", "created(1), running(1)", "/p/app/compose.yaml"),
            new ProjectStack("idle", "created(1)", "/p/idle/compose.yaml"));
    }

    @Test
    void combinedStatusSortsStates() {
        assertThat(Inspection.combinedStatus(List.of("running", "exited", "running"))).isEqualTo(
            "exited(1), running(2)");
    }

    @Test
    void portFindsThePublishedAddressOnTheLowestNumberedContainer() {
        container("app", "web", 2, false, true, List.of(new PortBinding("0.0.0.0", 8002, 80, "tcp")));
        container("app", "web", 1, false, true, List.of(new PortBinding("0.0.0.0", 8001, 80, "tcp")));

        assertThat(inspection.port("app", "web", 80, "tcp", 0)).isEqualTo(new PublishedPort("0.0.0.0", 8001));
        assertThat(inspection.port("app", "web", 80, "tcp", 2)).isEqualTo(new PublishedPort("0.0.0.0", 8002));
    }

    @Test
    void portOfAServiceThatDoesNotRunFailsLikeCompose() {
        assertThatThrownBy(() -> inspection.port("app", "web", 80, "tcp", 0)).isInstanceOf(ComposeException.class)
            .hasMessage("service \"web\" is not running");
        assertThatThrownBy(() -> inspection.port("app", "web", 80, "tcp", 3)).hasMessage(
            "service \"web\" is not running container #3");
    }

    @Test
    void portNotPublishedNamesTheContainersPorts() {
        container("app", "web", 1, false, true, List.of(new PortBinding("0.0.0.0", 8001, 80, "tcp")));

        assertThatThrownBy(() -> inspection.port("app", "web", 81, "udp", 0)).hasMessage(
            "no port 81/udp for container app-web-1: 8001/tcp");
    }

    @Test
    void imagesGiveTheFamiliarRepositoryAndTag() {
        container("app", "web", 1, false, false, List.of());

        assertThat(inspection.images("app", List.of())).singleElement().satisfies(i -> {
            assertThat(i.containerName()).isEqualTo("app-web-1");
            assertThat(i.repository()).isEqualTo("busybox");
            assertThat(i.tag()).isEqualTo("latest");
            assertThat(i.id()).startsWith("sha256:");
        });
    }

    @Test
    void familiarNamesDropTheDefaultRegistryAndLibrary() {
        assertThat(Inspection.familiar("docker.io/library/busybox")).isEqualTo("busybox");
        assertThat(Inspection.familiar("docker.io/me/app")).isEqualTo("me/app");
        assertThat(Inspection.familiar("127.0.0.1:5000/busybox")).isEqualTo("127.0.0.1:5000/busybox");
    }

    @Test
    void topSortsContainersByName() {
        container("app", "web", 1, false, true, List.of());
        container("app", "db", 1, false, true, List.of());
        container("app", "stopped", 1, false, false, List.of());

        assertThat(inspection.top("app", List.of())).extracting(ContainerProcesses::name)
            .containsExactly("app-db-1", "app-web-1");
    }

    @Test
    void eventsLeaveOutOneOffsAndComposeLabels() throws Exception {
        List<ComposeEvent> seen = new ArrayList<>();
        Thread follower = new Thread(() -> inspection.events("app", List.of(), e -> {
            seen.add(e);
            return !e.action().equals("start");
        }));
        follower.setDaemon(true);
        follower.start();
        while (follower.getState() != Thread.State.WAITING) {
            Thread.onSpinWait();
        }
        container("app", "web", 1, true, true, List.of());
        container("app", "web", 2, false, true, List.of());
        follower.join(10_000);

        assertThat(seen).extracting(ComposeEvent::action).containsExactly("create", "start");
        assertThat(seen.get(0).service()).isEqualTo("web");
        assertThat(seen.get(0).attributes()).containsOnlyKeys("name", "image");
    }
}
