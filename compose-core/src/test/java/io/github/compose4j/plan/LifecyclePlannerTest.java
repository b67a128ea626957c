package io.github.compose4j.plan;

import io.github.compose4j.engine.ContainerSummary;
import io.github.compose4j.error.ComposeException;
import io.github.compose4j.model.Project;
import io.github.compose4j.observe.Labels;
import io.github.compose4j.observe.ObservedState;
import io.github.compose4j.testing.Projects;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Golden plans of the commands on existing containers: a literal project and engine state in, text out. */
class LifecyclePlannerTest {
    /** front -> back -> db, back's dependency on db restarts it; front's on back does not. */
    private static final String CHAIN = """
            services:
              front:
                image: busybox:latest
                depends_on: [back]
              back:
                image: busybox:latest
                depends_on:
                  db: {condition: service_healthy, restart: true}
              db:
                image: busybox:latest
              lone:
                image: busybox:latest
            """;

    private final Project project = Projects.load("app", CHAIN);

    private static ContainerSummary container(String service, int number, String state) {
        return container(service, number, state, false);
    }

    private static ContainerSummary container(String service, int number, String state, boolean oneOff) {
        String name = oneOff ? "app-" + service + "-run-" + number : "app-" + service + "-" + number;
        return new ContainerSummary("id-" + name, name, "busybox:latest", "sha256:bb", Map.of(Labels.PROJECT, "app",
                Labels.SERVICE, service, Labels.CONTAINER_NUMBER, Integer.toString(number), Labels.ONEOFF,
                oneOff ? "True" : "False"), state, "", number, List.of(), List.of());
    }

    private static ObservedState state(ContainerSummary... containers) {
        return new ObservedState("app", List.of(containers), List.of(), Map.of(), List.of(), Map.of(), Map.of());
    }

    private final ObservedState allRunning = state(container("front", 1, "running"), container("back", 1, "running"),
            container("back", 2, "running"), container("db", 1, "running"), container("lone", 1, "running"));

    @Test
    void startGoesThroughServicesInDependencyOrder() {
        assertThat(PlanFormatter.format(LifecyclePlanner.start(project))).isEqualTo("""
                start:db: start service db
                start:back: start service back  after start:db
                start:front: start service front  after start:back
                start:lone: start service lone
                """);
    }

    @Test
    void stopOfEverythingStopsDependentsBeforeTheirDependencies() {
        assertThat(PlanFormatter.format(LifecyclePlanner.stop(project, allRunning, List.of()))).isEqualTo("""
                stop:app-lone-1: stop container app-lone-1
                stop:app-front-1: stop container app-front-1
                stop:app-back-1: stop container app-back-1  after stop:app-front-1
                stop:app-back-2: stop container app-back-2  after stop:app-front-1
                stop:app-db-1: stop container app-db-1  after stop:app-back-1, stop:app-back-2, stop:app-front-1
                """);
    }

    @Test
    void stopOfNamedServicesLeavesTheOthersRunning() {
        assertThat(PlanFormatter.format(LifecyclePlanner.stop(project, allRunning, List.of("back")))).isEqualTo("""
                stop:app-back-1: stop container app-back-1
                stop:app-back-2: stop container app-back-2
                """);
    }

    @Test
    void stopAlsoStopsContainersAlreadyStoppedButNeverOneOffs() {
        ObservedState observed = state(container("db", 1, "exited"), container("db", 7, "running", true));
        assertThat(PlanFormatter.format(LifecyclePlanner.stop(project, observed, List.of("db")))).isEqualTo("""
                stop:app-db-1: stop container app-db-1
                """);
    }

    @Test
    void restartOfEverythingFollowsOnlyTheDependenciesThatRestart() {
        assertThat(PlanFormatter.format(LifecyclePlanner.restart(project, allRunning, List.of(), false))).isEqualTo("""
                restart:app-db-1: restart container app-db-1 (stop and start)
                restart:app-back-1: restart container app-back-1 (stop and start)  after restart:app-db-1
                restart:app-back-2: restart container app-back-2 (stop and start)  after restart:app-db-1
                restart:app-front-1: restart container app-front-1 (stop and start)
                restart:app-lone-1: restart container app-lone-1 (stop and start)
                """);
    }

    @Test
    void restartOfAServiceAlsoRestartsTheServicesThatRestartWithIt() {
        assertThat(PlanFormatter.format(LifecyclePlanner.restart(project, allRunning, List.of("db"), false)))
                .isEqualTo("""
                        restart:app-db-1: restart container app-db-1 (stop and start)
                        restart:app-back-1: restart container app-back-1 (stop and start)  after restart:app-db-1
                        restart:app-back-2: restart container app-back-2 (stop and start)  after restart:app-db-1
                        """);
    }

    @Test
    void restartWithNoDepsRestartsTheNamedServiceOnly() {
        assertThat(PlanFormatter.format(LifecyclePlanner.restart(project, allRunning, List.of("db"), true)))
                .isEqualTo("""
                        restart:app-db-1: restart container app-db-1 (stop and start)
                        """);
    }

    @Test
    void restartOfAnUnknownServiceFailsAsCompose() {
        assertThatThrownBy(() -> LifecyclePlanner.restart(project, allRunning, List.of("nope"), false))
                .isInstanceOf(ComposeException.class).hasMessage("no such service: nope");
    }

    @Test
    void killTakesRunningContainersOneOffsIncludedButNotOrphans() {
        ObservedState observed = state(container("db", 1, "running"), container("db", 3, "running", true),
                container("lone", 1, "exited"), container("gone", 1, "running"));
        assertThat(PlanFormatter.format(LifecyclePlanner.kill(project, observed, List.of(), "SIGKILL", false)))
                .isEqualTo("""
                        kill:app-db-1: kill container app-db-1 (SIGKILL)
                        kill:app-db-run-3: kill container app-db-run-3 (SIGKILL)
                        """);
    }

    @Test
    void killWithRemoveOrphansAlsoKillsOrphans() {
        ObservedState observed = state(container("gone", 1, "running"));
        assertThat(LifecyclePlanner.kill(project, observed, List.of(), "SIGTERM", true).steps())
                .extracting(Step::id).containsExactly("kill:app-gone-1");
    }

    @Test
    void killWithNothingRunningIsAnEmptyPlan() {
        assertThat(LifecyclePlanner.kill(project, state(container("db", 1, "exited")), List.of(), "SIGKILL", false)
                .isEmpty()).isTrue();
    }

    @Test
    void pauseTakesTheNamedServicesRunningContainersAndPausedOnesToo() {
        ObservedState observed = state(container("db", 1, "running"), container("db", 2, "paused"),
                container("db", 3, "exited"), container("lone", 1, "running"));
        assertThat(PlanFormatter.format(LifecyclePlanner.pause(project, observed, List.of("db")))).isEqualTo("""
                pause:app-db-1: pause container app-db-1
                pause:app-db-2: pause container app-db-2
                """);
    }

    @Test
    void unpauseOfAServiceWithoutContainersIsAnEmptyPlan() {
        assertThat(LifecyclePlanner.unpause(project, allRunning, List.of("nope")).isEmpty()).isTrue();
    }

    @Test
    void removeTakesStoppedServiceContainersInTheEngineOrder() {
        ObservedState observed = state(container("lone", 1, "exited"), container("db", 1, "running"),
                container("back", 1, "created"), container("back", 9, "exited", true), container("front", 1, "paused"));
        Plan plan = LifecyclePlanner.remove(project, observed, List.of(), true, false);
        assertThat(PlanFormatter.format(plan)).isEqualTo("""
                rm:app-lone-1: remove stopped container app-lone-1
                rm:app-back-1: remove stopped container app-back-1
                """);
        assertThat(LifecyclePlanner.containerNames(plan)).containsExactly("app-lone-1", "app-back-1");
        assertThat(plan.steps()).allSatisfy(s -> assertThat(s.action().destructive()).isTrue());
    }

    @Test
    void removeOfNamedServicesKeepsTheOthers() {
        ObservedState observed = state(container("lone", 1, "exited"), container("db", 1, "exited"));
        assertThat(LifecyclePlanner.containerNames(LifecyclePlanner.remove(project, observed, List.of("db"), false,
                true))).containsExactly("app-db-1");
    }

    @Test
    void plansAreTheSameForTheSameInputs() {
        List<String> texts = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            texts.add(PlanFormatter.format(LifecyclePlanner.stop(project, allRunning, List.of())));
        }
        assertThat(texts).containsOnly(texts.get(0));
    }
    @Test
    void downRemovesDependentsBeforeTheirDependenciesThenTheNetwork() {
        var network = new io.github.compose4j.engine.NetworkSummary("net-default", "app_default", "bridge", "local",
                Map.of(Labels.PROJECT, "app", Labels.NETWORK, "default"), false, false, false, List.of(), List.of());
        ObservedState observed = new ObservedState("app", allRunning.containers(), List.of(network),
                Map.of(network.name(), network), List.of(), Map.of(), Map.of());
        assertThat(PlanFormatter.format(DownPlanner.down(project, observed, new DownOptions(List.of(), false, false, ""))))
                .isEqualTo("""
                container:app-lone-1: remove container app-lone-1
                container:app-front-1: remove container app-front-1
                container:app-back-1: remove container app-back-1  after container:app-front-1
                container:app-back-2: remove container app-back-2  after container:app-front-1
                container:app-db-1: remove container app-db-1  after container:app-back-1, container:app-back-2
                network:default: remove network app_default  after container:app-lone-1, container:app-front-1, \
                container:app-back-1, container:app-back-2, container:app-db-1
                """);
    }

    @Test
    void downOfANamedServiceTakesItsDependentsAndOrphansGoLast() {
        ObservedState observed = state(container("front", 1, "running"), container("back", 1, "exited"),
                container("db", 1, "running"), container("gone", 1, "running"));
        assertThat(PlanFormatter.format(DownPlanner.down(project, observed, new DownOptions(List.of("back"), true, false, ""))))
                .isEqualTo("""
                container:app-front-1: remove container app-front-1
                container:app-back-1: remove container app-back-1  after container:app-front-1
                orphan:app-gone-1: remove container app-gone-1  [orphan]  after container:app-front-1, container:app-back-1
                """);
    }
}
