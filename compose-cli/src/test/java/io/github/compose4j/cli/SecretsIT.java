package io.github.compose4j.cli;

import io.github.compose4j.testing.RequiresDocker;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Collections;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Issue 7, points 13 and 14: no secret in compose4j's own output, even with {@code --debug} and {@code --verbose}; a
 * daemon endpoint that is not safe is said so, a broken TLS setup is a clear error, and a project cannot move the
 * daemon endpoint.
 */
@RequiresDocker
@Timeout(300)
class SecretsIT {
    private static final String ENV_SENTINEL = "c4j-sentinel-env-7f3a";
    private static final String DOTENV_SENTINEL = "c4j-sentinel-dotenv-91bc";
    private static final String SECRET_SENTINEL = "c4j-sentinel-secret-5d20";
    private static final String PASSWORD_SENTINEL = "c4j-sentinel-password-e6d1";

    @TempDir
    Path tmp;
    ItProject project;

    @RegisterExtension
    final ItProjects projects = new ItProjects();

    private Map<String, String> sentinelEnvironment() throws IOException {
        Path config = Files.createDirectories(tmp.resolve("docker-config"));
        String auth = Base64.getEncoder().encodeToString(("user:" + PASSWORD_SENTINEL).getBytes(StandardCharsets.UTF_8));
        Files.writeString(config.resolve("config.json"), "{\"auths\": {\"127.0.0.1:5000\": {\"auth\": \"" + auth + "\"}}}");
        Map<String, String> env = new HashMap<>();
        env.put("TOKEN", ENV_SENTINEL);
        env.put("DOCKER_CONFIG", config.toString());
        return env;
    }

    private static void assertNoSentinel(Launcher.Result r) {
        for (String sentinel : new String[] {ENV_SENTINEL, DOTENV_SENTINEL, SECRET_SENTINEL, PASSWORD_SENTINEL, "user:"}) {
            assertThat(r.out()).doesNotContain(sentinel);
            assertThat(r.err()).doesNotContain(sentinel);
        }
    }

    @Test
    void noEnvironmentValueSecretOrPasswordInTheOutputEvenWithDebug() throws IOException {
        project = projects.create(tmp, """
                services:
                  app:
                    image: 127.0.0.1:5000/busybox:latest
                    pull_policy: always
                    command: ["sleep", "3600"]
                    stop_signal: SIGKILL
                    environment:
                      TOKEN: ${TOKEN}
                      FROM_DOTENV: ${FROM_DOTENV}
                    secrets: [token]
                    ports: ["127.0.0.1::80"]
                  broken:
                    image: 127.0.0.1:5000/c4jit-absent-image:latest
                    environment:
                      TOKEN: ${TOKEN}
                    profiles: [broken]
                secrets:
                  token:
                    file: ./token.txt
                """);
        Files.writeString(project.dir.resolve(".env"), "FROM_DOTENV=" + DOTENV_SENTINEL + "\n");
        Files.writeString(project.dir.resolve("token.txt"), SECRET_SENTINEL);
        Map<String, String> env = sentinelEnvironment();

        Launcher.Result up = Launcher.run(project.dir, env, "--debug", "--verbose", "-p", project.name, "up", "-d");
        Launcher.Result failed = Launcher.run(project.dir, env, "--debug", "--verbose", "-p", project.name,
                "--profile", "broken", "up", "-d", "broken");
        Launcher.Result ps = Launcher.run(project.dir, env, "--debug", "-p", project.name, "ps", "--format", "json");
        Launcher.Result down = Launcher.run(project.dir, env, "--debug", "--verbose", "-p", project.name, "down");

        assertThat(up.code()).as(up.err()).isZero();
        assertThat(failed.code()).isNotZero();
        assertThat(down.code()).as(down.err()).isZero();
        assertNoSentinel(up);
        assertNoSentinel(failed);
        assertNoSentinel(ps);
        assertNoSentinel(down);
    }

    @Test
    void remoteDaemonWithoutTlsIsOneWarning() throws IOException {
        Optional<String> address = nonLoopbackAddress();
        assumeTrue(address.isPresent(), "this machine has a non-loopback IPv4 address");
        int port;
        try (ServerSocket closed = new ServerSocket(0)) {
            port = closed.getLocalPort();
        }
        String host = "tcp://" + address.get() + ":" + port;

        Launcher.Result r = Launcher.run(tmp, Map.of("DOCKER_HOST", host), "-p", "c4jit-remote", "ps");

        assertThat(r.err().lines().filter(l -> l.startsWith("WARNING: ")).toList()).containsExactly(
                "WARNING: DOCKER_HOST " + host + " is a remote daemon reached without TLS: anyone on the network can "
                        + "read and drive it (set DOCKER_TLS_VERIFY=1 and DOCKER_CERT_PATH)");
    }

    @Test
    void tlsVerifyWithoutCertificatesIsAClearError() {
        Path certs = tmp.resolve("no-certs");

        Launcher.Result r = Launcher.run(tmp, Map.of("DOCKER_HOST", "tcp://127.0.0.1:2376", "DOCKER_TLS_VERIFY", "1",
                "DOCKER_CERT_PATH", certs.toString()), "-p", "c4jit-tls", "ps");

        assertThat(r.code()).isEqualTo(1);
        assertThat(r.err()).isEqualTo("Failed to initialize: unable to resolve docker endpoint: open "
                + certs.resolve("ca.pem") + ": no such file or directory\n");
    }

    @Test
    void projectDotEnvNeverChangesTheDaemonEndpoint() throws IOException {
        project = projects.create(tmp, """
                services:
                  app:
                    image: busybox:latest
                    command: ["sleep", "3600"]
                    stop_signal: SIGKILL
                """);
        Files.writeString(project.dir.resolve(".env"), """
                DOCKER_HOST=unix:///c4jit/no-daemon-here.sock
                DOCKER_CONTEXT=c4jit-no-such-context
                DOCKER_TLS_VERIFY=1
                DOCKER_CERT_PATH=/c4jit/no-certs
                """);

        ItProject.Run up = project.compose("up", "-d");

        assertThat(up.code()).as(up.err()).isZero();
        assertThat(project.inspect("app-1", "{{.State.Running}}")).isEqualTo("true");
    }

    private static Optional<String> nonLoopbackAddress() throws IOException {
        for (NetworkInterface nic : Collections.list(NetworkInterface.getNetworkInterfaces())) {
            if (!nic.isUp() || nic.isLoopback()) {
                continue;
            }
            for (InetAddress a : Collections.list(nic.getInetAddresses())) {
                if (a instanceof Inet4Address && !a.isLoopbackAddress()) {
                    return Optional.of(a.getHostAddress());
                }
            }
        }
        return Optional.empty();
    }
}
