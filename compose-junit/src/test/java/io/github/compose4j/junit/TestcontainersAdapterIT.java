package io.github.compose4j.junit;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.compose4j.testing.RequiresDocker;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.testcontainers.containers.wait.strategy.Wait;
import org.testcontainers.lifecycle.Startables;

/** The stack as a Testcontainers Startable, started by {@code Startables.deepStart} with Testcontainers' waits. */
@RequiresDocker
class TestcontainersAdapterIT {
    @Test
    void deepStartBringsTheStackUpAndTheWaitStrategiesPass() throws Exception {
        ComposeStartable stack = new ComposeStartable(Path.of("src/test/resources/pair/compose.yaml"))
                .withProjectPrefix("tc-adapter")
                .waitingFor("web", Wait.forHttp("/index.html").forPort(80).withStartupTimeout(Duration.ofSeconds(30)))
                .waitingFor("worker", Wait.forLogMessage(".*worker ready.*", 1));
        String project;
        try (stack) {
            Startables.deepStart(stack).join();
            project = stack.project().name();

            String body = HttpClient.newHttpClient().send(HttpRequest.newBuilder(java.net.URI.create("http://"
                    + stack.getServiceHost("web", 80) + ":" + stack.getServicePort("web", 80) + "/index.html")).build(),
                    HttpResponse.BodyHandlers.ofString()).body();

            assertThat(body).isEqualTo("hello\n");
            assertThat(stack.services()).containsExactlyInAnyOrder("web", "worker");
        }
        try (var engine = io.github.compose4j.engine.docker.DockerEngines.fromEnvironment(System.getenv())) {
            assertThat(engine.listContainers(Map.of("com.docker.compose.project", project), true)).isEmpty();
        }
    }
}
