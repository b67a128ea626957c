package io.github.compose4j.execute;

import io.github.compose4j.Compose;
import io.github.compose4j.engine.EngineException;
import io.github.compose4j.engine.FakeEngine;
import io.github.compose4j.error.ComposeException;
import io.github.compose4j.event.ProgressEvent;
import io.github.compose4j.event.ProgressEvent.Status;
import io.github.compose4j.event.ProgressListener;
import io.github.compose4j.model.Project;
import io.github.compose4j.plan.RecreatePolicy;
import io.github.compose4j.plan.UpOptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The events of the pull step of {@code up}, in Docker Compose's words. */
class PullStepEventsTest {
    private static final String YAML = """
            services:
              web:
                image: registry.example/app:1
              worker:
                image: registry.example/app:1
            """;

    @TempDir
    Path dir;
    final List<ProgressEvent> events = new CopyOnWriteArrayList<>();
    final ProgressListener listener = new ProgressListener() {
        @Override
        public void event(ProgressEvent e) {
            events.add(e);
        }

        @Override
        public void warning(String message) {
        }
    };

    private void up(FakeEngine engine) {
        Project p = TestProjects.load(dir, "pulls", YAML);
        UpOptions options = new UpOptions(List.of(), RecreatePolicy.DIVERGED, RecreatePolicy.DIVERGED, false, false,
                false, false, 0, "-");
        new Compose(engine, listener, 1).up(p, options, new ExecutionOptions(OptionalInt.empty(), List.of(), false, "-",
                Optional.empty()));
    }

    private List<String> pullEvents() {
        return events.stream().filter(e -> !e.id().startsWith("Network") && !e.id().startsWith("Container"))
                .map(e -> e.id() + " " + e.text() + " " + e.statusText() + " " + e.status()).toList();
    }

    @Test
    void everyServiceOfAMissingImageIsPullingThenPulled() {
        up(new FakeEngine());
        assertThat(pullEvents()).containsExactly(
                "web Pulling  WORKING", "worker Pulling  WORKING", "web Pulled  DONE", "worker Pulled  DONE");
    }

    @Test
    void failedPullShowsTheDaemonsWordsOnEveryService() {
        FakeEngine engine = new FakeEngine().failPull("registry.example/app:1", new EngineException(
                EngineException.Kind.NOT_FOUND, "Error response from daemon: manifest unknown"));
        assertThatThrownBy(() -> up(engine)).isInstanceOf(ComposeException.class);
        assertThat(events).filteredOn(e -> e.status() == Status.ERROR).extracting(e -> e.id() + " " + e.text() + " " + e.statusText())
                .containsExactly("web Error manifest unknown", "worker Error manifest unknown");
    }
}
