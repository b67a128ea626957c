package io.github.compose4j.junit;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.compose4j.api.ProjectSource;
import io.github.compose4j.engine.Engine;
import io.github.compose4j.engine.docker.DockerEngines;
import io.github.compose4j.event.ProgressListener;
import io.github.compose4j.testing.RequiresDocker;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** A stack whose JVM was killed ({@code kill -9}) is removed by the next run's janitor. */
@RequiresDocker
class KilledJvmCleanupIT {

    /** The child JVM: brings a stack up, says its name, then waits to be killed. */
    public static void main(String[] args) throws InterruptedException {
        Engine engine = DockerEngines.fromEnvironment(System.getenv());
        StackDefinition d = new StackDefinition(ProjectSource.files(Path.of(args[0])), "orphan", Lifecycle.PER_CLASS,
                false, false, Duration.ofSeconds(60), List.of());
        Stack stack = Stack.start(d, engine, "localhost", ProgressListener.NONE);
        System.out.println("UP " + stack.project().name());
        System.out.flush();
        Thread.sleep(600_000);
    }

    @Test
    void theStackOfAKilledJvmIsRemovedOnTheNextSweep() throws Exception {
        Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), KilledJvmCleanupIT.class.getName(),
                Path.of("src/test/resources/pair/compose.yaml").toAbsolutePath().toString())
                .redirectError(ProcessBuilder.Redirect.INHERIT).start();
        String project;
        try (BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
            String line = out.readLine();
            assertThat(line).startsWith("UP ");
            project = line.substring(3);
        } finally {
            child.destroyForcibly(); // SIGKILL: no shutdown hook, no cleanup of its own
            child.waitFor(60, TimeUnit.SECONDS);
        }
        try (Engine engine = DockerEngines.fromEnvironment(System.getenv())) {
            Map<String, String> ofProject = Map.of("com.docker.compose.project", project);
            assertThat(engine.listContainers(ofProject, true)).as("left behind by the killed JVM").hasSize(2);

            List<String> swept = new Janitor(engine).sweep();

            assertThat(swept).contains(project);
            assertThat(engine.listContainers(ofProject, true)).isEmpty();
            assertThat(engine.listNetworks(ofProject)).isEmpty();
            assertThat(engine.inspectVolume(Janitor.markerName(project))).isEmpty();
        }
    }
}
