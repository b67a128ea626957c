package io.github.compose4j.cli;

import com.github.dockerjava.api.command.InspectContainerResponse;
import com.github.dockerjava.api.model.ExposedPort;
import com.github.dockerjava.api.model.Ports;
import io.github.compose4j.testing.RequiresDocker;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.containers.ComposeContainer;
import org.testcontainers.containers.ContainerLaunchException;
import org.testcontainers.containers.ContainerState;
import org.testcontainers.containers.wait.strategy.Wait;

import java.io.IOException;
import java.io.InputStream;
import java.net.HttpURLConnection;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * compose4j installed as the docker CLI plugin ({@code bin/docker-compose-plugin} linked as
 * {@code cli-plugins/docker-compose} of a private {@code DOCKER_CONFIG}, so the machine's own Docker Compose stays
 * as it is) drives a Testcontainers {@link ComposeContainer} in local compose mode, which runs
 * {@code docker compose up -d} and {@code down}; a plain HTTP client in this JVM then reaches the published port.
 * Testcontainers' port proxy image cannot be pulled here, so the test reads the port from the container itself.
 */
@RequiresDocker
@Timeout(300)
class ComposeContainerPluginIT {
    private static final String YAML = """
            services:
              web:
                image: busybox:latest
                command: ["sh", "-c", "mkdir -p /www && echo served-by-web > /www/index.html && echo web ready && exec httpd -f -p 80 -h /www"]
                ports:
                  - "80"
              client:
                image: busybox:latest
                init: true
                depends_on: [web]
                command: ["sh", "-c", "until wget -q -O - http://web/; do sleep 1; done; sleep 3600"]
            """;

    @TempDir
    static Path dir;
    private static Path dockerConfig;

    @BeforeAll
    static void installPlugin() throws IOException {
        Path plugin = Path.of("..", "bin", "docker-compose-plugin").toAbsolutePath().normalize();
        assertThat(plugin).isExecutable();
        dockerConfig = Files.createDirectories(dir.resolve("docker-config"));
        Files.createSymbolicLink(Files.createDirectories(dockerConfig.resolve("cli-plugins")).resolve("docker-compose"),
                plugin);
    }

    @Test
    void dockerComposeThroughThePrivateConfigIsCompose4j() throws Exception {
        ProcessBuilder pb = new ProcessBuilder("docker", "compose", "version").redirectErrorStream(true);
        pb.environment().put("DOCKER_CONFIG", dockerConfig.toString());
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);

        assertThat(p.waitFor()).as(out).isZero();
        assertThat(out).startsWith("compose4j version ");
    }

    /** The other half of the proof that the test below runs compose4j: the plugin comes from that DOCKER_CONFIG. */
    @Test
    void composeContainerRunsThePluginOfTheDockerConfigItIsGiven() throws Exception {
        Path stubConfig = Files.createDirectories(dir.resolve("stub-config/cli-plugins"));
        Path calls = dir.resolve("stub-calls.txt");
        Path stub = Files.writeString(stubConfig.resolve("docker-compose"), """
                #!/bin/sh
                if [ "$1" = docker-cli-plugin-metadata ]; then
                  echo '{"SchemaVersion":"0.1.0","Vendor":"stub","Version":"0.0.1","ShortDescription":"stub"}'
                  exit 0
                fi
                echo "$@" >> '%s'
                exit 7
                """.formatted(calls));
        assertThat(stub.toFile().setExecutable(true)).isTrue();
        Path file = Files.writeString(Files.createDirectories(dir.resolve("stubbed")).resolve("compose.yaml"), YAML);
        ComposeContainer environment = new ComposeContainer(file.toFile())
                .withEnv("DOCKER_CONFIG", stubConfig.getParent().toString())
                .withPull(false);

        assertThatThrownBy(environment::start).isInstanceOf(ContainerLaunchException.class)
                .hasMessageContaining("exited abnormally with code 7");
        assertThat(Files.readString(calls)).startsWith("compose up -d");
    }

    @Test
    void composeContainerStartsTwoServicesAndAPublishedPortAnswers() throws Exception {
        Path project = Files.createDirectories(dir.resolve("project"));
        Path file = Files.writeString(project.resolve("compose.yaml"), YAML);
        ComposeContainer environment = new ComposeContainer(file.toFile())
                .withEnv("DOCKER_CONFIG", dockerConfig.toString())
                .withPull(false)
                .waitingFor("web", Wait.forLogMessage(".*web ready.*", 1));
        try {
            environment.start();
            ContainerState web = environment.getContainerByServiceName("web").orElseThrow();
            ContainerState client = environment.getContainerByServiceName("client").orElseThrow();

            assertThat(web.getContainerInfo().getConfig().getLabels())
                    .containsEntry("com.docker.compose.service", "web")
                    .containsEntry("com.docker.compose.oneoff", "False");
            assertThat(client.getCurrentContainerInfo().getState().getRunning()).isTrue();
            int port = publishedPort(web.getCurrentContainerInfo(), 80);
            String host = DockerClientFactory.instance().dockerHostIpAddress();
            assertThat(get(new URL("http", host, port, "/index.html"))).isEqualTo("served-by-web\n");
        } finally {
            environment.stop();
        }
        assertThat(projectContainers(file)).isEmpty();
    }

    private static int publishedPort(InspectContainerResponse container, int containerPort) {
        Ports.Binding[] bindings = container.getNetworkSettings().getPorts().getBindings()
                .get(ExposedPort.tcp(containerPort));
        assertThat(bindings).as("bindings of port %d", containerPort).isNotEmpty();
        return Integer.parseInt(bindings[0].getHostPortSpec());
    }

    /** The body, once the server listens: it prints its readiness line a moment before it binds. */
    private static String get(URL url) throws IOException, InterruptedException {
        for (int attempt = 1; ; attempt++) {
            HttpURLConnection connection = (HttpURLConnection) url.openConnection();
            connection.setConnectTimeout(5000);
            connection.setReadTimeout(5000);
            try (InputStream in = connection.getInputStream()) {
                assertThat(connection.getResponseCode()).isEqualTo(200);
                return new String(in.readAllBytes(), StandardCharsets.UTF_8);
            } catch (java.net.SocketException e) {
                if (attempt == 50) {
                    throw e;
                }
                Thread.sleep(200);
            } finally {
                connection.disconnect();
            }
        }
    }

    /** Containers of any project whose config files label names this test's compose file. */
    private static List<String> projectContainers(Path file) {
        List<String> ids = new ArrayList<>();
        for (String line : DockerCli.ok("ps", "-a", "--format", "{{.ID}} {{.Label \"com.docker.compose.project.config_files\"}}")
                .lines().toList()) {
            if (line.contains(file.toString())) {
                ids.add(line.split(" ")[0]);
            }
        }
        return ids;
    }
}
