package io.github.compose4j;

import io.github.compose4j.engine.ContainerSummary;
import io.github.compose4j.engine.FakeEngine;
import io.github.compose4j.error.ComposeException;
import io.github.compose4j.event.ProgressEvent;
import io.github.compose4j.event.ProgressListener;
import io.github.compose4j.execute.ExecutionOptions;
import io.github.compose4j.model.Project;
import io.github.compose4j.observe.Labels;
import io.github.compose4j.plan.LifecyclePlanner;
import io.github.compose4j.plan.Plan;
import io.github.compose4j.plan.UpOptions;
import io.github.compose4j.testing.Projects;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The commands on existing containers, run through the facade against the in-memory engine. */
class ComposeLifecycleTest {
    private static final String YAML = """
            services:
              web:
                image: busybox:latest
                depends_on: [db]
              db:
                image: busybox:latest
            """;

    private final FakeEngine engine = new FakeEngine().withImages("busybox:latest");
    private final List<String> events = Collections.synchronizedList(new ArrayList<>());
    private final ProgressListener listener = new ProgressListener() {
        @Override
        public void event(ProgressEvent e) {
            events.add(e.id() + " " + e.statusText());
        }

        @Override
        public void warning(String message) {
            events.add("warning " + message);
        }
    };
    private final Compose compose = new Compose(engine, listener, 0);
    private final ExecutionOptions execution = ExecutionOptions.defaults();
    private final Project project = Projects.load("app", YAML);

    @BeforeEach
    void up() {
        compose.up(project, UpOptions.defaults(), execution);
        engine.clearCalls();
        events.clear();
    }

    private String state(String name) {
        return engine.inspectContainer(name).orElseThrow().status();
    }

    private List<String> ids() {
        return engine.listContainers(Map.of(Labels.PROJECT, "app"), true).stream().map(ContainerSummary::id).sorted()
                .toList();
    }

    @Test
    void stopStopsDependentsBeforeTheirDependencies() {
        compose.stop(project, List.of(), execution);

        assertThat(engine.changes()).containsExactly("stopContainer app-web-1", "stopContainer app-db-1");
        assertThat(state("app-web-1")).isEqualTo("exited");
        assertThat(state("app-db-1")).isEqualTo("exited");
        assertThat(events).containsSubsequence("Container app-web-1 Stopping", "Container app-web-1 Stopped");
    }

    @Test
    void startBringsBackTheSameContainers() {
        List<String> before = ids();
        compose.stop(project, List.of(), execution);

        compose.start(project, execution);

        assertThat(state("app-web-1")).isEqualTo("running");
        assertThat(state("app-db-1")).isEqualTo("running");
        assertThat(ids()).isEqualTo(before);
        assertThat(events).contains("Container app-db-1 Started", "Container app-web-1 Started");
    }

    @Test
    void startLeavesRunningContainersAlone() {
        compose.start(project, execution);

        assertThat(engine.changes()).isEmpty();
    }

    @Test
    void restartRunsAnExitedContainerAgain() {
        engine.exit("app-db-1", 0);

        compose.restart(project, List.of("db"), false, execution);

        assertThat(state("app-db-1")).isEqualTo("running");
        assertThat(engine.changes()).containsExactly("restartContainer app-db-1");
        assertThat(events).containsExactly("Container app-db-1 Restarting", "Container app-db-1 Started");
    }

    @Test
    void pauseThenUnpauseResumesTheContainer() {
        compose.run(project, compose.planPause(project, List.of("db")), execution);
        assertThat(state("app-db-1")).isEqualTo("paused");

        compose.run(project, compose.planUnpause(project, List.of("db")), execution);

        assertThat(state("app-db-1")).isEqualTo("running");
        assertThat(events).containsExactly("Container app-db-1 Paused", "Container app-db-1 Unpaused");
    }

    @Test
    void pausingAPausedServiceFailsWithTheEnginesWords() {
        compose.run(project, compose.planPause(project, List.of("db")), execution);

        assertThatThrownBy(() -> compose.run(project, compose.planPause(project, List.of("db")), execution))
                .isInstanceOf(ComposeException.class).hasMessageEndingWith("is already paused");
    }

    @Test
    void killSendsTheSignalToRunningContainers() {
        compose.run(project, compose.planKill(project, List.of("web"), "SIGKILL", false), execution);

        assertThat(state("app-web-1")).isEqualTo("exited");
        assertThat(engine.inspectContainer("app-web-1").orElseThrow().exitCode()).isEqualTo(137);
        assertThat(events).containsExactly("Container app-web-1 Killing", "Container app-web-1 Killed");
    }

    @Test
    void removeTakesOnlyContainersThatDoNotRun() {
        engine.exit("app-web-1", 0);

        Plan plan = compose.planRemove(project, List.of(), false, false);
        compose.run(project, plan, execution);

        assertThat(LifecyclePlanner.containerNames(plan)).containsExactly("app-web-1");
        assertThat(engine.inspectContainer("app-web-1")).isEmpty();
        assertThat(state("app-db-1")).isEqualTo("running");
        assertThat(events).containsExactly("Container app-web-1 Removing", "Container app-web-1 Removed");
    }

    @Test
    void waitAnswersTheExitCodeOfTheServicesContainer() throws Exception {
        List<String> exits = Collections.synchronizedList(new ArrayList<>());
        String id = engine.inspectContainer("app-db-1").orElseThrow().id();
        CompletableFuture<Integer> code = CompletableFuture.supplyAsync(
                () -> compose.waitForExit("app", List.of("db"), (c, exit) -> exits.add(c + " " + exit)));
        while (engine.calls().stream().noneMatch(c -> c.method().equals("waitContainer"))) {
            Thread.sleep(5); // the container must still run when the wait begins
        }

        engine.exit("app-db-1", 3);

        assertThat(code.get(30, TimeUnit.SECONDS)).isEqualTo(3);
        assertThat(exits).containsExactly(id + " 3");
        assertThat(state("app-web-1")).isEqualTo("running");
    }

    @Test
    void waitWithoutRunningContainersFailsAsCompose() {
        engine.exit("app-db-1", 0);

        assertThatThrownBy(() -> compose.waitForExit("app", List.of("db"), (c, exit) -> { }))
                .isInstanceOf(ComposeException.class).hasMessage("no containers for project \"app\"");
    }
}
