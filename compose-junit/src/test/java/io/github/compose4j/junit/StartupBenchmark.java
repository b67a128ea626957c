package io.github.compose4j.junit;

import io.github.compose4j.api.ProjectSource;
import io.github.compose4j.engine.Engine;
import io.github.compose4j.engine.docker.DockerEngines;
import io.github.compose4j.event.ProgressListener;
import java.io.File;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.testcontainers.containers.ComposeContainer;
import org.testcontainers.containers.wait.strategy.Wait;

/**
 * Start-up of one stack until it is ready, through the extension's code path (engine shared by the run, unique
 * project, up, Compose's readiness) against Testcontainers' {@code ComposeContainer} in local compose mode (the
 * {@code docker compose} binary), alternating, after one warm-up round each. Prints the median and every round.
 * Not a test: run it with bench/junit-startup-bench.sh. Arguments: COMPOSE_FILE [ROUNDS].
 */
public final class StartupBenchmark {
    private StartupBenchmark() {
    }

    public static void main(String[] args) {
        Path file = Path.of(args[0]).toAbsolutePath();
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 5;
        List<Long> ours = new ArrayList<>();
        List<Long> theirs = new ArrayList<>();
        try (Engine engine = DockerEngines.fromEnvironment(System.getenv())) {
            StackDefinition d = new StackDefinition(ProjectSource.files(file).withEnv(System.getenv()), "bench",
                    Lifecycle.PER_CLASS, false, false, Duration.ofMinutes(2), List.of());
            for (int i = 0; i <= rounds; i++) {
                // Alternating which goes first, so that neither always follows the other's teardown.
                long a;
                long b;
                if (i % 2 == 0) {
                    a = compose4j(engine, d);
                    b = testcontainers(file.toFile());
                } else {
                    b = testcontainers(file.toFile());
                    a = compose4j(engine, d);
                }
                if (i > 0) { // round 0 warms both up
                    ours.add(a);
                    theirs.add(b);
                }
            }
        }
        System.out.printf("3-service stack start-up until ready, median of %d rounds%n", rounds);
        System.out.printf("  compose4j extension:              %5d ms   %s%n", median(ours), ours);
        System.out.printf("  Testcontainers ComposeContainer:  %5d ms   %s%n", median(theirs), theirs);
    }

    private static long compose4j(Engine engine, StackDefinition d) {
        long start = System.nanoTime();
        Stack stack = Stack.start(d, engine, "localhost", ProgressListener.NONE);
        long millis = (System.nanoTime() - start) / 1_000_000;
        stack.close();
        return millis;
    }

    private static long testcontainers(File file) {
        ComposeContainer container = new ComposeContainer(file)
                .withPull(false)
                .withRemoveVolumes(true)
                .waitingFor("web", Wait.forHealthcheck());
        long start = System.nanoTime();
        container.start();
        long millis = (System.nanoTime() - start) / 1_000_000;
        container.stop();
        return millis;
    }

    private static long median(List<Long> values) {
        List<Long> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        return sorted.get(sorted.size() / 2);
    }
}
