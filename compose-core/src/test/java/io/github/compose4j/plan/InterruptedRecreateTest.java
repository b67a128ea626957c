package io.github.compose4j.plan;

import io.github.compose4j.engine.ContainerSummary;
import io.github.compose4j.engine.ImageSummary;
import io.github.compose4j.model.Project;
import io.github.compose4j.observe.ConfigHash;
import io.github.compose4j.observe.Labels;
import io.github.compose4j.observe.ObservedState;
import io.github.compose4j.testing.Projects;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Golden plans for what a recreate killed half-way leaves (issue 7, point 6; the crash itself is in ConcurrencyIT). */
class InterruptedRecreateTest {
    private static final Map<String, ImageSummary> BUSYBOX = Map.of("busybox:latest",
            new ImageSummary("sha256:bb", List.of("busybox:latest"), List.of(), Map.of(), "linux", "amd64", 0, 0, java.util.Set.of()));
    private final Project project = Projects.load("app", "services:\n  web: {image: busybox:latest}\n");

    private ContainerSummary container(String name, boolean current, String state, long created) {
        Map<String, String> labels = new HashMap<>();
        labels.put(Labels.PROJECT, "app");
        labels.put(Labels.SERVICE, "web");
        labels.put(Labels.CONTAINER_NUMBER, "1");
        labels.put(Labels.ONEOFF, "False");
        labels.put(Labels.CONFIG_HASH, current ? ConfigHash.of(project.services().get("web")) : "old");
        labels.put(Labels.IMAGE, "sha256:bb");
        return new ContainerSummary("id-" + name, name, "busybox:latest", "sha256:bb", labels, state, "", created,
                List.of(), List.of());
    }

    private String plan(ContainerSummary... containers) {
        ObservedState observed = new ObservedState("app", List.of(containers), List.of(), Map.of(), List.of(), Map.of(),
                BUSYBOX);
        UpOptions noStart = new UpOptions(List.of(), RecreatePolicy.DIVERGED, RecreatePolicy.DIVERGED, false, false,
                false, false, 0, "-");
        return PlanFormatter.format(Planner.up(project, observed, noStart));
    }

    @Test
    void theReplacementLeftBesideTheOldContainerIsRemovedBeforeTheRecreate() {
        assertThat(plan(container("app-web-1", false, "running", 1),
                container("0123456789ab_app-web-1", true, "created", 2))).isEqualTo("""
                network:default: create network app_default  [absent]
                container:0123456789ab_app-web-1: remove container 0123456789ab_app-web-1  [left by an interrupted recreate]  after network:default
                container:app-web-1: recreate container app-web-1  [config changed]  after network:default, container:0123456789ab_app-web-1
                """);
    }

    @Test
    void theReplacementLeftAloneUnderItsTemporaryNameIsRenamedByARecreate() {
        assertThat(plan(container("0123456789ab_app-web-1", true, "created", 2))).isEqualTo("""
                network:default: create network app_default  [absent]
                container:0123456789ab_app-web-1: recreate container 0123456789ab_app-web-1  [left under a temporary name by an interrupted recreate]  after network:default
                """);
    }

    @Test
    void aContainerWhoseNameOnlyLooksTemporaryForAnotherServiceIsKept() {
        assertThat(Leftovers.isTemporary("0123456789ab_app-web-1", "app-web-1")).isTrue();
        assertThat(Leftovers.isTemporary("0123456789ab_app-web-12", "app-web-1")).isFalse();
        assertThat(Leftovers.isTemporary("not-hex-here_app-web-1", "app-web-1")).isFalse();
    }
}
