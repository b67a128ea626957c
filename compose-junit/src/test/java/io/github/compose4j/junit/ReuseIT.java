package io.github.compose4j.junit;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.compose4j.api.ProjectSource;
import io.github.compose4j.engine.Engine;
import io.github.compose4j.engine.docker.DockerEngines;
import io.github.compose4j.event.ProgressListener;
import io.github.compose4j.testing.RequiresDocker;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Opt-in reuse: a second run adopts the unchanged stack the first left. The time adoption takes is printed as a
 * figure (a benchmark, not an assertion).
 */
@RequiresDocker
class ReuseIT {
    @Test
    void anUnchangedStackIsAdoptedNotRecreated() {
        String name = "reuse-" + UUID.randomUUID().toString().substring(0, 8);
        StackDefinition reused = new StackDefinition(ProjectSource.files(Path.of("src/test/resources/pair/compose.yaml")),
                name, Lifecycle.PER_CLASS, false, true, Duration.ofSeconds(60), List.of());
        try (Engine engine = DockerEngines.fromEnvironment(System.getenv())) {
            Stack first = Stack.start(reused, engine, "localhost", ProgressListener.NONE);
            String webId = first.service("web", 1).container().id();
            String workerId = first.service("worker", 1).container().id();
            first.close();
            try {
                long started = System.nanoTime();
                Stack second = Stack.start(reused, engine, "localhost", ProgressListener.NONE);
                long adoptedMillis = (System.nanoTime() - started) / 1_000_000;
                System.out.println("[benchmark] reuse: unchanged 2-service stack adopted in " + adoptedMillis + " ms");

                assertThat(second.service("web", 1).container().id()).isEqualTo(webId);
                assertThat(second.service("worker", 1).container().id()).isEqualTo(workerId);
                second.close();
            } finally {
                first.project().down(true);
            }
        }
    }
}
