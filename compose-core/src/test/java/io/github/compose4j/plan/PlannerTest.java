package io.github.compose4j.plan;

import io.github.compose4j.engine.ContainerSummary;
import io.github.compose4j.engine.ImageSummary;
import io.github.compose4j.engine.NetworkSummary;
import io.github.compose4j.engine.VolumeSummary;
import io.github.compose4j.error.ComposeException;
import io.github.compose4j.model.Project;
import io.github.compose4j.observe.ConfigHash;
import io.github.compose4j.observe.Labels;
import io.github.compose4j.observe.ObservedState;
import io.github.compose4j.testing.Projects;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Golden plans: a literal project and engine state in, the plan's text out. */
class PlannerTest {
    private static final String WEB_DB = """
            services:
              web:
                image: busybox:latest
                command: ["httpd", "-f"]
                depends_on:
                  db:
                    condition: service_healthy
                volumes: [data:/data]
              db:
                image: busybox:latest
                healthcheck: {test: ["CMD", "true"], interval: 1s}
            volumes:
              data: {}
            """;

    private static final Map<String, ImageSummary> BUSYBOX = Map.of("busybox:latest",
            new ImageSummary("sha256:bb", List.of("busybox:latest"), List.of(), Map.of(), "linux", "amd64", 0, 0, java.util.Set.of()));

    private final Project project = Projects.load("app", WEB_DB);

    private static String plan(Project p, ObservedState observed, UpOptions options) {
        return PlanFormatter.format(Planner.up(p, observed, options));
    }

    /** A container as Docker Compose would have created it for the project as it is. */
    private static ContainerSummary container(Project p, String service, int number, String state) {
        Map<String, String> labels = new HashMap<>();
        labels.put(Labels.PROJECT, p.name());
        labels.put(Labels.SERVICE, service);
        labels.put(Labels.CONTAINER_NUMBER, Integer.toString(number));
        labels.put(Labels.ONEOFF, "False");
        labels.put(Labels.CONFIG_HASH, ConfigHash.of(p.services().get(service)));
        labels.put(Labels.IMAGE, "sha256:bb");
        String name = p.name() + "-" + service + "-" + number;
        return new ContainerSummary("id-" + name, name, "busybox:latest", "sha256:bb", labels, state, "", number,
                List.of(), List.of());
    }

    private static ObservedState state(Project p, List<ContainerSummary> containers) {
        Map<String, NetworkSummary> networks = new HashMap<>();
        p.networks().forEach((k, n) -> networks.put(n.name(), new NetworkSummary("net-" + k, n.name(), "bridge", "local",
                Map.of(Labels.PROJECT, p.name(), Labels.NETWORK, k), false, false, false, List.of(), List.of())));
        Map<String, VolumeSummary> volumes = new HashMap<>();
        p.volumes().forEach((k, v) -> volumes.put(v.name(), new VolumeSummary(v.name(), "local",
                Map.of(Labels.PROJECT, p.name(), Labels.VOLUME, k), "/var/lib/docker/volumes/" + v.name(), Map.of())));
        return new ObservedState(p.name(), containers, new ArrayList<>(networks.values()), networks,
                new ArrayList<>(volumes.values()), volumes, BUSYBOX);
    }

    @Test
    void freshProjectCreatesEverythingThenStartsInDependencyOrder() {
        ObservedState empty = new ObservedState("app", List.of(), List.of(), Map.of(), List.of(), Map.of(), BUSYBOX);
        assertThat(plan(project, empty, UpOptions.defaults())).isEqualTo("""
                network:default: create network app_default  [absent]
                volume:data: create volume app_data  [absent]
                container:app-db-1: create container app-db-1  [absent]  after network:default, volume:data
                container:app-web-1: create container app-web-1  [absent]  after network:default, volume:data, container:app-db-1
                start:db: start service db  after container:app-db-1, container:app-web-1
                start:web: start service web  after container:app-db-1, container:app-web-1, start:db
                """);
    }

    @Test
    void upToDateProjectChangesNothing() {
        ObservedState running = state(project, List.of(container(project, "db", 1, "running"),
                container(project, "web", 1, "running")));
        assertThat(plan(project, running, UpOptions.defaults())).isEqualTo("""
                container:app-db-1: keep container app-db-1 (running)  [up to date]
                container:app-web-1: keep container app-web-1 (running)  [up to date]  after container:app-db-1
                start:db: start service db  after container:app-db-1, container:app-web-1
                start:web: start service web  after container:app-db-1, container:app-web-1, start:db
                """);
    }

    @Test
    void changedConfigurationRecreatesTheServiceAndItsDependents() {
        Project changed = Projects.load("app", WEB_DB.replace("interval: 1s", "interval: 2s"));
        ObservedState running = state(changed, List.of(container(project, "db", 1, "running"),
                container(project, "web", 1, "running")));
        assertThat(plan(changed, running, UpOptions.defaults())).contains(
                "container:app-db-1: recreate container app-db-1  [config changed]",
                "container:app-web-1: recreate container app-web-1  [dependency recreated]");
    }

    @Test
    void changedDependentLeavesItsDependencyAlone() {
        Project changed = Projects.load("app", WEB_DB.replace("[\"httpd\", \"-f\"]", "[\"httpd\", \"-f\", \"-v\"]"));
        ObservedState running = state(changed, List.of(container(project, "db", 1, "running"),
                container(project, "web", 1, "running")));
        assertThat(plan(changed, running, UpOptions.defaults())).contains(
                "container:app-db-1: keep container app-db-1 (running)  [up to date]",
                "container:app-web-1: recreate container app-web-1  [config changed]");
    }

    @Test
    void changedImageRecreates() {
        ContainerSummary old = container(project, "db", 1, "running");
        Map<String, String> labels = new HashMap<>(old.labels());
        labels.put(Labels.IMAGE, "sha256:old");
        ContainerSummary stale = new ContainerSummary(old.id(), old.name(), old.image(), "sha256:old", labels,
                old.state(), "", 1, List.of(), List.of());
        ObservedState s = state(project, List.of(stale, container(project, "web", 1, "running")));
        assertThat(plan(project, s, UpOptions.defaults())).contains("recreate container app-db-1  [image changed]");
    }

    @Test
    void noRecreateKeepsChangedContainers() {
        Project changed = Projects.load("app", WEB_DB.replace("interval: 1s", "interval: 2s"));
        ObservedState running = state(changed, List.of(container(project, "db", 1, "running"),
                container(project, "web", 1, "running")));
        UpOptions never = new UpOptions(List.of(), RecreatePolicy.NEVER, RecreatePolicy.NEVER, true, false, false,
                false, 0, "-");
        assertThat(plan(changed, running, never)).doesNotContain("recreate");
    }

    @Test
    void forceRecreateAppliesToNamedServicesAndAlwaysRecreateDepsToTheirDependencies() {
        ObservedState running = state(project, List.of(container(project, "db", 1, "running"),
                container(project, "web", 1, "running")));
        UpOptions forceWebOnly = new UpOptions(List.of("web"), RecreatePolicy.FORCE, RecreatePolicy.DIVERGED, true,
                false, false, false, 0, "-");
        assertThat(plan(project, running, forceWebOnly)).contains("keep container app-db-1 (running)",
                "recreate container app-web-1  [forced]");
        UpOptions withDeps = new UpOptions(List.of("web"), RecreatePolicy.DIVERGED, RecreatePolicy.FORCE, true,
                false, false, false, 0, "-");
        assertThat(plan(project, running, withDeps)).contains("recreate container app-db-1  [forced]",
                "recreate container app-web-1  [dependency recreated]");
    }

    @Test
    void scaleUpTakesTheNextNumbersAndScaleDownRemovesTheHighest() {
        Project three = Projects.load("app", WEB_DB.replace("\n  db:\n", "\n  db:\n    scale: 3\n"));
        ObservedState one = state(three, List.of(container(three, "db", 1, "running"), container(three, "web", 1, "running")));
        assertThat(plan(three, one, UpOptions.defaults())).contains(
                "container:app-db-1: keep container app-db-1 (running)  [up to date]",
                "container:app-db-2: create container app-db-2  [scale 3]",
                "container:app-db-3: create container app-db-3  [scale 3]");
        Project single = Projects.load("app", WEB_DB);
        ObservedState threeRunning = state(single, List.of(container(single, "db", 1, "running"),
                container(single, "db", 2, "running"), container(single, "db", 3, "running"),
                container(single, "web", 1, "running")));
        assertThat(plan(single, threeRunning, UpOptions.defaults())).contains(
                "container:app-db-1: keep container app-db-1 (running)",
                "container:app-db-2: remove container app-db-2  [scale 1]",
                "container:app-db-3: remove container app-db-3  [scale 1]");
    }

    @Test
    void scalingUpAfterScalingDownReusesTheFreedNumber() {
        Project two = Projects.load("app", WEB_DB.replace("\n  db:\n", "\n  db:\n    scale: 2\n"));
        ObservedState gap = state(two, List.of(container(two, "db", 1, "running"), container(two, "web", 1, "running")));
        assertThat(plan(two, gap, UpOptions.defaults())).contains("create container app-db-2");
    }

    @Test
    void stoppedContainersAreStartedByTheStartPhaseNotRecreated() {
        ObservedState exited = state(project, List.of(container(project, "db", 1, "exited"),
                container(project, "web", 1, "paused")));
        assertThat(plan(project, exited, UpOptions.defaults())).contains(
                "keep container app-db-1 (exited)", "restart container app-web-1  [paused]");
    }

    @Test
    void orphansAreReportedOrRemoved() {
        Project p = Projects.load("app", WEB_DB);
        ContainerSummary orphan = container(p, "db", 1, "running");
        Map<String, String> labels = new HashMap<>(orphan.labels());
        labels.put(Labels.SERVICE, "gone");
        ContainerSummary gone = new ContainerSummary("id-x", "app-gone-1", "busybox", "sha256:bb", labels, "running", "",
                1, List.of(), List.of());
        ObservedState s = state(p, List.of(gone));
        Plan warned = Planner.up(p, s, UpOptions.defaults());
        assertThat(warned.warnings()).containsExactly("Found orphan containers ([app-gone-1]) for this project. If you "
                + "removed or renamed this service in your compose file, you can run this command with the "
                + "--remove-orphans flag to clean it up.");
        UpOptions remove = new UpOptions(List.of(), RecreatePolicy.DIVERGED, RecreatePolicy.DIVERGED, true, true, false,
                false, 0, "-");
        assertThat(plan(p, s, remove)).contains("orphan:app-gone-1: remove container app-gone-1  [orphan]");
    }

    @Test
    void missingImageIsPulledBeforeAnythingIsCreated() {
        ObservedState noImage = new ObservedState("app", List.of(), List.of(), Map.of(), List.of(), Map.of(), Map.of());
        assertThat(plan(project, noImage, UpOptions.defaults())).startsWith("""
                pull:busybox:latest: pull image busybox:latest  [image missing for db, web]
                network:default: create network app_default  [absent]  after pull:busybox:latest
                volume:data: create volume app_data  [absent]  after pull:busybox:latest
                """);
    }

    @Test
    void pullAlwaysPullsAndPresumesTheImageChanged() {
        Project p = Projects.load("app", "services:\n  web: {image: busybox:latest, pull_policy: always}\n");
        ObservedState s = state(p, List.of(container(p, "web", 1, "running")));
        assertThat(plan(p, s, UpOptions.defaults())).startsWith("""
                pull:busybox:latest: pull image busybox:latest  [image missing for web]
                container:app-web-1: recreate container app-web-1  [image changed]  after pull:busybox:latest
                """);
    }

    @Test
    void afterThePullAContainerOnThePulledImageIsKept() {
        Project p = Projects.load("app", "services:\n  web: {image: busybox:latest, pull_policy: always}\n");
        ObservedState s = state(p, List.of(container(p, "web", 1, "running")));
        assertThat(PlanFormatter.format(Planner.upAfterPull(p, s, UpOptions.defaults()))).startsWith("""
                container:app-web-1: keep container app-web-1 (running)  [up to date]
                """);
    }

    @Test
    void externalResourcesAreCheckedBeforeAnythingIsCreated() {
        Project p = Projects.load("app", """
                services:
                  web: {image: busybox:latest, networks: [front, back]}
                networks:
                  front: {external: true, name: shared}
                  back: {}
                """);
        ObservedState empty = new ObservedState("app", List.of(), List.of(), Map.of(), List.of(), Map.of(), BUSYBOX);
        assertThat(plan(p, empty, UpOptions.defaults())).startsWith("""
                network:front: check network shared (external)  [external]
                network:back: create network app_back  [absent]  after network:front
                container:app-web-1: create container app-web-1  [absent]  after network:front, network:back
                """);
    }

    @Test
    void containerNameCannotBeScaled() {
        Project p = Projects.load("app", """
                services:
                  web: {image: busybox:latest, container_name: single}
                """);
        Project scaled = io.github.compose4j.model.codec.RecordShape.with(p, "services", Map.of("web",
                io.github.compose4j.model.codec.RecordShape.with(p.services().get("web"), "scale", java.util.Optional.of(2L))));
        ObservedState empty = new ObservedState("app", List.of(), List.of(), Map.of(), List.of(), Map.of(), BUSYBOX);
        assertThatThrownBy(() -> Planner.up(scaled, empty, UpOptions.defaults()))
                .isInstanceOf(ComposeException.class)
                .hasMessageContaining("Docker requires each container to have a unique name");
    }

    @Test
    void waitAddsAFinalStep() {
        ObservedState running = state(project, List.of(container(project, "db", 1, "running"),
                container(project, "web", 1, "running")));
        UpOptions wait = new UpOptions(List.of(), RecreatePolicy.DIVERGED, RecreatePolicy.DIVERGED, true, false, false,
                true, 5000, "-");
        assertThat(plan(project, running, wait)).endsWith("wait: wait for db, web (timeout 5000ms)  [--wait]  after start:db, start:web\n");
    }

    @Test
    void noStartOnlyCreates() {
        ObservedState empty = new ObservedState("app", List.of(), List.of(), Map.of(), List.of(), Map.of(), BUSYBOX);
        UpOptions create = new UpOptions(List.of(), RecreatePolicy.DIVERGED, RecreatePolicy.DIVERGED, false, false,
                false, false, 0, "-");
        assertThat(plan(project, empty, create)).doesNotContain("start");
    }
}
