package io.github.compose4j.execute;

import io.github.compose4j.Compose;
import io.github.compose4j.engine.FakeEngine;
import io.github.compose4j.event.ProgressEvent;
import io.github.compose4j.event.ProgressListener;
import io.github.compose4j.model.Project;
import io.github.compose4j.plan.UpOptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

import static org.assertj.core.api.Assertions.assertThat;

/** The engine reads {@code up} makes: no more than Docker Compose makes for the same project. */
class UpRequestPatternTest {
    private static final String YAML = """
            services:
              db:
                image: busybox:latest
              api:
                image: busybox:latest
                depends_on: [db]
              web:
                image: busybox:latest
                depends_on: [api]
            """;

    @TempDir
    Path dir;

    private void up(FakeEngine engine) {
        Project p = TestProjects.load(dir, "pattern", YAML);
        UpOptions options = UpOptions.defaults();
        ProgressListener quiet = new ProgressListener() {
            @Override
            public void event(ProgressEvent e) {
            }

            @Override
            public void warning(String message) {
            }
        };
        new Compose(engine, quiet, 0).up(p, options, new ExecutionOptions(OptionalInt.empty(), List.of(), false, "-",
                Optional.empty()));
    }

    private static long count(FakeEngine engine, String method) {
        return engine.calls().stream().filter(c -> c.method().equals(method)).count();
    }

    @Test
    void startingListsTheProjectsContainersOnceForAllServices() {
        FakeEngine engine = new FakeEngine().withImages("busybox:latest");
        up(engine);
        // One list to observe, one shared by the start steps (as Compose's start phase) once containers were created.
        assertThat(count(engine, "listContainers")).isEqualTo(2);
    }

    @Test
    void aNoOpUpReadsLessThanComposeReads() {
        FakeEngine engine = new FakeEngine().withImages("busybox:latest");
        up(engine);
        engine.clearCalls();
        up(engine);
        // Compose: the containers, the network and the image by name, then the containers again for its start
        // phase. Nothing changed them since the first read: the start steps use it. The three reads go at once.
        assertThat(engine.calls()).extracting(FakeEngine.Call::method)
                .containsExactlyInAnyOrder("listContainers", "inspectNetwork", "inspectImage");
    }

    @Test
    void aNoOpUpStillStartsAContainerThatHadExited() {
        FakeEngine engine = new FakeEngine().withImages("busybox:latest");
        up(engine);
        engine.exit("pattern-api-1", 0);
        engine.clearCalls();
        up(engine);
        assertThat(engine.changes()).containsExactly("startContainer pattern-api-1");
        assertThat(count(engine, "listContainers")).isEqualTo(1);
    }

    @Test
    void creatingReusesTheObservedImageInsteadOfInspectingItPerContainer() {
        FakeEngine engine = new FakeEngine().withImages("busybox:latest");
        up(engine);
        assertThat(count(engine, "createContainer")).isEqualTo(3);
        assertThat(count(engine, "inspectImage")).isEqualTo(1);
    }

    @Test
    void startsEveryServiceAfterItsDependency() {
        FakeEngine engine = new FakeEngine().withImages("busybox:latest");
        up(engine);
        assertThat(engine.changes()).filteredOn(c -> c.startsWith("startContainer"))
                .containsExactly("startContainer pattern-db-1", "startContainer pattern-api-1",
                        "startContainer pattern-web-1");
    }
}
