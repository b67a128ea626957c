package io.github.compose4j.logs;

import io.github.compose4j.engine.ContainerSummary;
import io.github.compose4j.engine.FakeEngine;
import io.github.compose4j.event.ProgressListener;
import io.github.compose4j.execute.ExecutionOptions;
import io.github.compose4j.model.Project;
import io.github.compose4j.observe.Labels;
import io.github.compose4j.plan.UpOptions;
import io.github.compose4j.testing.TestProjects;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Attached {@code up} over the fake engine, whose containers play {@code sh -c "echo ...; exit N"} scripts. */
/* A liveness bound: these tests wait on other threads, and a lost wake-up must fail, not hang the build. */
@org.junit.jupiter.api.Timeout(120)
class AttachedUpTest {
    private final FakeEngine engine = new FakeEngine().withImages("busybox:latest");
    private final RecordingConsumer consumer = new RecordingConsumer();
    private final AttachedUp up = new AttachedUp(engine, ProgressListener.NONE, ProgressListener.NONE, 0, consumer);

    private static Project project(String services) {
        return TestProjects.project("services:\n" + services);
    }

    private int run(Project p, AttachOptions attach) {
        return up.run(p, UpOptions.defaults(), ExecutionOptions.defaults(), attach);
    }

    private String state(String service) {
        return engine.listContainers(Map.of(Labels.SERVICE, service), true).stream().map(ContainerSummary::state)
            .findFirst().orElse("absent");
    }

    @Test
    void outputOfEachContainerComesBeforeItsExitAndUpReturnsWhenAllHaveEnded() {
        Project p = project("""
              a: {image: busybox:latest, command: ["sh", "-c", "echo hello; echo oops >&2"]}
              b: {image: busybox:latest, command: ["sh", "-c", "echo world; exit 3"]}
            """);

        int code = run(p, new AttachOptions(List.of("a", "b"), List.of(), false, ""));

        assertThat(code).isZero();
        List<String> seen = consumer.seen();
        assertThat(seen.get(0)).isEqualTo("attaching a-1, b-1");
        assertThat(seen).containsSubsequence("out a-1: hello", "status a-1: exited with code 0");
        assertThat(seen).containsSubsequence("err a-1: oops", "status a-1: exited with code 0");
        assertThat(seen).containsSubsequence("out b-1: world", "status b-1: exited with code 3");
    }

    @Test
    void cascadeStopStopsTheOthersAndReturnsTheFirstExitCode() {
        Project p = project("""
              quick: {image: busybox:latest, command: ["sh", "-c", "exit 3"]}
              server: {image: busybox:latest, command: ["sleep", "300"]}
            """);

        int code = run(p, new AttachOptions(List.of("quick", "server"), List.of(), true, ""));

        assertThat(code).isEqualTo(3);
        assertThat(consumer.seen()).contains("status quick-1: exited with code 3", "aborting");
        assertThat(state("server")).isEqualTo("exited");
    }

    @Test
    void exitCodeFromReturnsThatServicesCode() {
        Project p = project("""
              quick: {image: busybox:latest, command: ["sh", "-c", "exit 3"]}
              server: {image: busybox:latest, command: ["sleep", "300"]}
            """);

        int code = run(p, new AttachOptions(List.of("quick", "server"), List.of(), true, "server"));

        assertThat(code).isZero(); // the fake's stop ends a container with 0
    }

    @Test
    void onlyTheAttachedServicesOutputIsShown() {
        Project p = project("""
              shown: {image: busybox:latest, command: ["sh", "-c", "echo visible"]}
              hidden: {image: busybox:latest, command: ["sh", "-c", "echo invisible"]}
            """);

        run(p, new AttachOptions(List.of("shown"), List.of(), false, ""));

        assertThat(consumer.seen()).contains("attaching shown-1", "out shown-1: visible")
            .noneMatch(l -> l.contains("invisible"));
    }

    @Test
    void upReturnsOnceTheNamedServicesHaveEndedLeavingTheirDependenciesRunning() {
        Project p = project("""
              job: {image: busybox:latest, command: ["sh", "-c", "echo done"], depends_on: [db]}
              db: {image: busybox:latest, command: ["sleep", "300"]}
            """);

        int code = run(p, new AttachOptions(List.of("job", "db"), List.of("job"), false, ""));

        assertThat(code).isZero();
        assertThat(consumer.seen()).contains("status job-1: exited with code 0");
        assertThat(state("db")).isEqualTo("running");
    }

    @Test
    void cancellingStopsTheSelectedServicesAndGives130() {
        Project p = project("""
              server: {image: busybox:latest, command: ["sleep", "300"]}
            """);
        Thread canceller = new Thread(() -> {
            while (!state("server").equals("running")) {
                Thread.onSpinWait();
            }
            up.cancel();
        });
        canceller.start();

        int code = run(p, new AttachOptions(List.of("server"), List.of(), false, ""));

        assertThat(code).isEqualTo(130);
        assertThat(state("server")).isEqualTo("exited");
    }
}
