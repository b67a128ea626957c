package io.github.compose4j.logs;

import io.github.compose4j.engine.FakeEngine;
import io.github.compose4j.engine.TestSpecs;
import io.github.compose4j.error.ComposeException;
import io.github.compose4j.observe.Labels;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/* A liveness bound: these tests wait on other threads, and a lost wake-up must fail, not hang the build. */
@org.junit.jupiter.api.Timeout(120)
class ProjectLogsTest {
    private final FakeEngine engine = new FakeEngine().withImages("busybox:latest");
    private final RecordingConsumer consumer = new RecordingConsumer();

    private String container(String project, String service, int number, String script) {
        Map<String, String> labels = Map.of(Labels.PROJECT, project, Labels.SERVICE, service,
            Labels.CONTAINER_NUMBER, Integer.toString(number), Labels.ONEOFF, "False");
        String id = engine.createContainer(TestSpecs.container(project + "-" + service + "-" + number,
            "busybox:latest", labels, List.of("sh", "-c", script)));
        engine.startContainer(id);
        return id;
    }

    private static LogsOptions options(List<String> services, boolean follow, int index) {
        return new LogsOptions(services, follow, index, "all", "", "", false);
    }

    @Test
    void everyContainerOfTheProjectIsShownUnderItsShortNameWithStderrAsStdout() {
        container("p", "web", 1, "echo up; echo warn >&2");
        container("p", "db", 1, "echo ready");
        container("other", "web", 1, "echo elsewhere");

        new ProjectLogs(engine).run("p", options(List.of(), false, 0), consumer);

        assertThat(consumer.seen()).contains("out web-1: up", "out web-1: warn", "out db-1: ready")
            .noneMatch(l -> l.contains("elsewhere"));
    }

    @Test
    void servicesSelectContainers() {
        container("p", "web", 1, "echo web");
        container("p", "db", 1, "echo db");

        new ProjectLogs(engine).run("p", options(List.of("db"), false, 0), consumer);

        assertThat(consumer.seen()).containsExactly("out db-1: db");
    }

    @Test
    void indexSelectsOneReplica() {
        container("p", "web", 1, "echo one");
        container("p", "web", 2, "echo two");

        new ProjectLogs(engine).run("p", options(List.of("web"), false, 2), consumer);

        assertThat(consumer.seen()).containsExactly("out web-2: two");
    }

    @Test
    void aMissingReplicaIsAnError() {
        container("p", "web", 1, "echo one");

        assertThatThrownBy(() -> new ProjectLogs(engine).run("p", options(List.of("web"), false, 3), consumer))
            .isInstanceOf(ComposeException.class)
            .hasMessage("service \"web\" is not running container #3");
    }

    @Test
    void followShowsLaterOutputAndExitsAndEndsWhenTheContainersHave() throws Exception {
        String web = container("p", "web", 1, "sleep 300");
        Thread logs = new Thread(() -> new ProjectLogs(engine).run("p", options(List.of(), true, 0), consumer));
        logs.start();
        while (consumer.seen().isEmpty()) {
            Thread.sleep(10);
        }

        engine.print(web, false, "later\n");
        engine.exit(web, 4);
        logs.join();

        assertThat(consumer.seen()).containsExactly("register web-1", "out web-1: later",
            "status web-1: exited with code 4");
    }

    @Test
    void followPicksUpContainersStartedLater() throws Exception {
        String web = container("p", "web", 1, "sleep 300");
        Thread logs = new Thread(() -> new ProjectLogs(engine).run("p", options(List.of(), true, 0), consumer));
        logs.start();
        while (consumer.seen().isEmpty()) {
            Thread.sleep(10);
        }

        String worker = container("p", "worker", 1, "sleep 300");
        while (!consumer.seen().contains("register worker-1")) {
            Thread.sleep(10);
        }
        engine.print(worker, false, "new one\n");
        engine.exit(worker, 0);
        engine.exit(web, 0);
        logs.join();

        assertThat(consumer.seen()).contains("out worker-1: new one", "status worker-1: exited with code 0");
    }
}
