package io.github.compose4j.cli;

import io.github.compose4j.testing.RequiresDocker;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 7, points 9 and 10: a daemon that is missing, refuses or never answers is one clear line, never a hang;
 * the daemon's refusals and failed conditions are clear errors with Compose's exit codes, and a rerun converges.
 */
@RequiresDocker
@Timeout(300)
class DaemonFaultsIT {
    @TempDir
    Path tmp;
    ItProject project;

    @RegisterExtension
    final ItProjects projects = new ItProjects();

    private static final String SLEEPER = """
                image: busybox:latest
                command: ["sleep", "3600"]
                stop_signal: SIGKILL
            """;

    private Launcher.Result psAgainst(String dockerHost) {
        return Launcher.run(tmp, Map.of("DOCKER_HOST", dockerHost, "COMPOSE_HTTP_TIMEOUT", "2"), "-p", "c4jit-nodaemon", "ps");
    }

    // (9)

    @Test
    void missingSocketIsOneLine() {
        String host = "unix://" + tmp.resolve("no-daemon.sock");

        Launcher.Result r = psAgainst(host);

        assertThat(r.code()).isEqualTo(1);
        assertThat(r.err()).isEqualTo("Cannot connect to the Docker daemon at " + host + ". Is the docker daemon running?\n");
    }

    @Test
    void refusedConnectionIsOneLine() throws IOException {
        int port;
        try (ServerSocket closed = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = closed.getLocalPort();
        }
        String host = "tcp://127.0.0.1:" + port;

        Launcher.Result r = psAgainst(host);

        assertThat(r.code()).isEqualTo(1);
        assertThat(r.err()).isEqualTo("Cannot connect to the Docker daemon at " + host + ". Is the docker daemon running?\n");
    }

    @Test
    void daemonThatAcceptsButNeverAnswersIsOneLine() throws Exception {
        List<Socket> held = new ArrayList<>();
        try (ServerSocket silent = new ServerSocket(0, 10, InetAddress.getLoopbackAddress())) {
            Thread acceptor = new Thread(() -> {
                try {
                    while (true) {
                        held.add(silent.accept());
                    }
                } catch (IOException e) {
                    // closed at the end of the test
                }
            });
            acceptor.setDaemon(true);
            acceptor.start();
            String host = "tcp://127.0.0.1:" + silent.getLocalPort();

            Launcher.Result r = psAgainst(host);

            assertThat(r.code()).isEqualTo(1);
            assertThat(r.err()).isEqualTo("Cannot connect to the Docker daemon at " + host
                    + ": no answer to GET /_ping within 2s. Is the docker daemon running?\n");
        } finally {
            for (Socket s : held) {
                s.close();
            }
        }
    }

    // (10)

    @Test
    void portAlreadyAllocatedIsTheDaemonsErrorAndARerunConverges() throws IOException {
        int port;
        ItProject.Run failed;
        try (ServerSocket taken = new ServerSocket()) {
            taken.bind(new InetSocketAddress("0.0.0.0", 0));
            port = taken.getLocalPort();
            project = projects.create(tmp, "services:\n  web:\n" + SLEEPER + "    ports: [\"" + port + ":80\"]\n");

            failed = project.compose("up", "-d");
        }

        assertThat(failed.code()).isEqualTo(1);
        assertThat(failed.err()).contains("Error response from daemon: driver failed programming external connectivity")
                .contains("address already in use").doesNotContain("internal error").doesNotContain("Exception");
        project.composeOk("up", "-d");
        assertThat(project.inspect("web-1", "{{.State.Running}}")).isEqualTo("true");
    }

    @Test
    void dependencyThatAlreadyExitedFailsUpInsteadOfWaiting() {
        project = projects.create(tmp, """
                services:
                  dep:
                    image: busybox:latest
                    command: ["true"]
                    healthcheck:
                      test: ["CMD", "true"]
                      interval: 1s
                  app:
                %s    depends_on:
                      dep:
                        condition: service_healthy
                """.formatted(SLEEPER));
        project.composeOk("up", "-d", "dep");
        DockerCli.ok("wait", project.name + "-dep-1");

        ItProject.Run up = project.compose("up", "-d", "app");

        assertThat(up.code()).isEqualTo(1);
        assertThat(up.err()).endsWith("dependency failed to start: container " + project.name + "-dep-1 exited (0)\n");
    }

    @Test
    void waitTimeoutExpiryIsComposesErrorAndARerunConverges() {
        String healthcheck = """
                    healthcheck:
                      test: ["CMD", "%s"]
                      interval: 1s
                      start_period: 60s
                """;
        project = projects.create(tmp, "services:\n  slow:\n" + SLEEPER + healthcheck.formatted("false"));

        ItProject.Run up = project.compose("up", "-d", "--wait", "--wait-timeout", "2");

        assertThat(up.code()).isEqualTo(1);
        assertThat(up.err()).endsWith("application not healthy after 2s\n");
        project.write("services:\n  slow:\n" + SLEEPER + healthcheck.formatted("true"));
        project.composeOk("up", "-d", "--wait", "--wait-timeout", "60");
        assertThat(project.inspect("slow-1", "{{.State.Health.Status}}")).isEqualTo("healthy");
    }
}
