package io.github.compose4j.execute;

import io.github.compose4j.engine.EngineException;
import io.github.compose4j.engine.FakeEngine;
import io.github.compose4j.error.ComposeException;
import io.github.compose4j.error.Failure;
import io.github.compose4j.event.ProgressEvent;
import io.github.compose4j.event.ProgressListener;
import io.github.compose4j.model.Project;
import io.github.compose4j.observe.ObservedState;
import io.github.compose4j.plan.Plan;
import io.github.compose4j.plan.Planner;
import io.github.compose4j.plan.UpOptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The executor walks the plan's graph: dependents after their dependencies, nothing more after a failure. */
class PlanExecutorTest {
    private static final ProgressListener QUIET = new ProgressListener() {
        @Override
        public void event(ProgressEvent e) {
        }

        @Override
        public void warning(String message) {
        }
    };
    private static final ExecutionOptions OPTIONS = new ExecutionOptions(OptionalInt.empty(), List.of(), false, "-",
            Optional.empty());

    @TempDir
    Path dir;

    private static void execute(PlanExecutor executor, Project p, FakeEngine engine) {
        ObservedState observed = ObservedState.forUp(engine, p);
        Plan plan = Planner.up(p, observed, UpOptions.defaults());
        executor.execute(p, plan, observed);
    }

    /** Services s0 ... s{n-1}, each depending on the one before, beside {@code lone} that depends on none. */
    private Project chain(int n) {
        StringBuilder yaml = new StringBuilder("services:\n  lone:\n    image: busybox:latest\n");
        for (int i = 0; i < n; i++) {
            yaml.append("  s").append(i).append(":\n    image: busybox:latest\n");
            if (i > 0) {
                yaml.append("    depends_on: [s").append(i - 1).append("]\n");
            }
        }
        return TestProjects.load(dir, "pe", yaml.toString());
    }

    @Test
    void aLongChainStartsInItsOrder() {
        FakeEngine engine = new FakeEngine().withImages("busybox:latest");
        execute(new PlanExecutor(engine, QUIET, 0, OPTIONS), chain(12), engine);
        List<String> expected = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            expected.add("startContainer pe-s" + i + "-1");
        }
        assertThat(engine.changes()).filteredOn(c -> c.startsWith("startContainer") && !c.contains("lone"))
                .containsExactlyElementsOf(expected);
        assertThat(engine.changes()).contains("startContainer pe-lone-1");
    }

    @Test
    void oneStepAtATimeStillRunsEveryStep() {
        FakeEngine engine = new FakeEngine().withImages("busybox:latest");
        execute(new PlanExecutor(engine, QUIET, 1, OPTIONS), chain(5), engine);
        assertThat(engine.changes()).filteredOn(c -> c.startsWith("startContainer")).hasSize(6);
    }

    @Test
    void aFailedStepFailsTheExecutionAndNothingAfterItRuns() {
        EngineException refused = new EngineException(EngineException.Kind.OTHER, "no space left on device");
        FakeEngine engine = new FakeEngine().withImages("busybox:latest").failOn("createContainer", "pe-s1-1", refused);
        assertThatThrownBy(() -> execute(new PlanExecutor(engine, QUIET, 0, OPTIONS), chain(4), engine))
                .hasMessageContaining("no space left on device");
        assertThat(engine.changes()).noneMatch(c -> c.contains("pe-s2-1") || c.contains("pe-s3-1"))
                .noneMatch(c -> c.startsWith("startContainer"));
    }

    @Test
    void aCancelledExecutionRunsNothing() {
        FakeEngine engine = new FakeEngine().withImages("busybox:latest");
        PlanExecutor executor = new PlanExecutor(engine, QUIET, 0, OPTIONS);
        executor.cancel();
        assertThatThrownBy(() -> execute(executor, chain(3), engine)).isInstanceOfSatisfying(ComposeException.class,
                e -> assertThat(e.failure()).isEqualTo(Failure.CANCELED));
        assertThat(engine.changes()).isEmpty();
    }
}
