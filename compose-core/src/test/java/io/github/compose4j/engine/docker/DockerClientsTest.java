package io.github.compose4j.engine.docker;

import static io.github.compose4j.engine.docker.FakeDaemon.write;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.dockerjava.core.RemoteApiVersion;
import io.github.compose4j.error.ComposeException;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

@Timeout(30)
class DockerClientsTest {
    @TempDir
    Path dir;

    @ParameterizedTest(name = "daemon {0} -> {1}")
    @CsvSource({
        "1.41, 1.41",   // Engine 20.10
        "1.43, 1.43",
        "1.44, 1.44",
        "1.52, 1.44",   // Engine 29: newer than docker-java knows
        "2.0,  1.44",
        "'',   1.24",   // no header: what the docker client assumes
        "junk, 1.24",
    })
    void negotiatesTheLowerVersion(String daemon, String expected) {
        assertThat(DockerClients.negotiate(Optional.of(daemon).filter(s -> !s.isEmpty())).getVersion())
            .isEqualTo(expected);
    }

    @Test
    void maxVersionIsTheNewestDockerJavaKnows() throws IllegalAccessException {
        RemoteApiVersion newest = RemoteApiVersion.VERSION_1_24;
        for (Field field : RemoteApiVersion.class.getFields()) {
            if (Modifier.isStatic(field.getModifiers()) && field.getName().startsWith("VERSION_")) {
                RemoteApiVersion v = (RemoteApiVersion) field.get(null);
                if (v.isGreater(newest)) {
                    newest = v;
                }
            }
        }
        assertThat(DockerClients.MAX_API_VERSION).isEqualTo(newest);
    }

    private FakeDaemon daemon(String apiVersionHeader) throws Exception {
        return new FakeDaemon(dir, (req, in, out) -> {
            if (req.path().equals("/_ping")) {
                write(out, "HTTP/1.1 200 OK\r\n" + apiVersionHeader + "Ostype: linux\r\nDocker-Experimental: false\r\n"
                    + "Builder-Version: 2\r\nContent-Length: 2\r\n\r\nOK");
            } else {
                String body = "[]";
                write(out, "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: " + body.length()
                    + "\r\n\r\n" + body);
            }
            return true;
        });
    }

    @Test
    void requestsCarryTheNegotiatedVersion() throws Exception {
        try (FakeDaemon daemon = daemon("Api-Version: 1.52\r\n");
             DockerConnection connection = DockerClients.connect(daemon.endpoint())) {
            assertThat(connection.apiVersion()).isEqualTo(RemoteApiVersion.VERSION_1_44);
            assertThat(connection.ping()).isEqualTo(
                new DaemonPing(Optional.of("1.52"), Optional.of("linux"), false, Optional.of("2")));
            assertThat(connection.client().listContainersCmd().exec()).isEmpty();
            assertThat(daemon.requests.get(1).path()).startsWith("/v1.44/containers/json");
            assertThat(daemon.connections.get()).isEqualTo(1);
        }
    }

    @Test
    void olderDaemonDowngradesTheVersion() throws Exception {
        try (FakeDaemon daemon = daemon("Api-Version: 1.41\r\n");
             DockerConnection connection = DockerClients.connect(daemon.endpoint())) {
            connection.client().listContainersCmd().exec();
            assertThat(daemon.requests.get(1).path()).startsWith("/v1.41/containers/json");
        }
    }

    @Test
    void dockerApiVersionPinsTheVersion() throws Exception {
        try (FakeDaemon daemon = daemon("Api-Version: 1.41\r\n")) {
            DockerEndpoint endpoint = DockerEndpoint.resolve(
                Map.of("DOCKER_HOST", "unix://" + daemon.socket, "DOCKER_API_VERSION", "1.30"), dir);
            try (DockerConnection connection = DockerClients.connect(endpoint)) {
                assertThat(connection.apiVersion().getVersion()).isEqualTo("1.30");
            }
            DockerEndpoint bad = DockerEndpoint.resolve(
                Map.of("DOCKER_HOST", "unix://" + daemon.socket, "DOCKER_API_VERSION", "latest"), dir);
            assertThatThrownBy(() -> DockerClients.connect(bad)).hasMessageContaining("invalid DOCKER_API_VERSION");
        }
    }

    @Test
    void unreachableDaemonGivesOneClearLineAndExitCodeOne() {
        DockerEndpoint endpoint = DockerEndpoint.resolve(
            Map.of("DOCKER_HOST", "unix://" + dir.resolve("nothing.sock")), dir);
        assertThatThrownBy(() -> DockerClients.connect(endpoint))
            .isInstanceOfSatisfying(ComposeException.class, e -> assertThat(e.exitCode()).isEqualTo(1))
            .hasMessage("Cannot connect to the Docker daemon at unix://" + dir.resolve("nothing.sock")
                + ". Is the docker daemon running?");
    }

    @Test
    void daemonThatHangsUpGivesTheSameLine() throws Exception {
        try (FakeDaemon daemon = new FakeDaemon(dir, (req, in, out) -> false)) {
            assertThatThrownBy(() -> DockerClients.connect(daemon.endpoint()))
                .isInstanceOf(ComposeException.class)
                .hasMessage("Cannot connect to the Docker daemon at unix://" + daemon.socket
                    + ". Is the docker daemon running?");
        }
    }
}
