package io.github.compose4j.cli;

import io.github.compose4j.testing.RequiresDocker;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Registry credentials as the docker CLI finds them, against a second loopback registry (Debian's
 * {@code docker-registry}) that requires htpasswd authentication. The real CLI runs as a child process with a
 * private {@code DOCKER_CONFIG} and, for the credential helper, a {@code PATH} that starts with the helper's
 * directory. The registry is stopped after the tests, whatever their outcome.
 */
@RequiresDocker
@Timeout(300)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RegistryAuthIT {
    private static final String USER = "c4juser";
    private final String password = "pw-" + UUID.randomUUID();
    private Path home;
    private Process registry;
    private String address;
    private String image;
    private final List<Path> projects = new ArrayList<>();

    @BeforeAll
    void startRegistry() throws Exception {
        Assumptions.assumeTrue(Files.isExecutable(Path.of("/usr/bin/docker-registry")), "docker-registry is installed");
        home = Files.createTempDirectory("c4j-auth");
        String hash = bcrypt(password);
        Files.writeString(home.resolve("htpasswd"), USER + ":" + hash + "\n");
        int port;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort();
        }
        address = "127.0.0.1:" + port;
        Files.writeString(home.resolve("registry.yml"), """
                version: 0.1
                log:
                  level: error
                storage:
                  filesystem:
                    rootdirectory: %s
                http:
                  addr: %s
                auth:
                  htpasswd:
                    realm: c4j
                    path: %s
                """.formatted(home.resolve("data"), address, home.resolve("htpasswd")));
        registry = new ProcessBuilder("/usr/bin/docker-registry", "serve", home.resolve("registry.yml").toString())
                .redirectErrorStream(true).redirectOutput(home.resolve("registry.log").toFile()).start();
        awaitRegistry();
        image = address + "/c4j-auth/bb:1";
        // Seeded with compose4j's own push, with the credentials of an auths entry.
        Path config = config("""
                {"auths": {"%s": {"auth": "%s"}}}""".formatted(address, basic()));
        DockerCli.ok("tag", "127.0.0.1:5000/busybox:latest", image);
        Path seed = project("services:\n  app:\n    build: .\n    image: " + image + "\n");
        Result push = compose(seed, config, "push");
        assertThat(push.code()).as(push.output()).isZero();
        DockerCli.ok("rmi", image);
    }

    @AfterAll
    void stopRegistry() throws IOException {
        if (registry != null) {
            registry.destroy();
            try {
                if (!registry.waitFor(10, TimeUnit.SECONDS)) {
                    registry.destroyForcibly();
                }
            } catch (InterruptedException e) {
                registry.destroyForcibly();
                Thread.currentThread().interrupt();
            }
        }
        if (image != null) {
            DockerCli.run("rmi", image);
        }
        if (home != null) {
            deleteTree(home);
        }
    }

    @AfterEach
    void removePulled() {
        DockerCli.run("rmi", image);
    }

    @Test
    void pullWithAnAuthsEntry() throws Exception {
        Path config = config("""
                {"auths": {"%s": {"auth": "%s"}}}""".formatted(address, basic()));

        Result pull = compose(project(service()), config, "--progress", "plain", "pull");

        assertThat(pull.code()).as(pull.output()).isZero();
        assertThat(pull.output()).contains(" app Pulled").doesNotContain(password);
        assertThat(present(image)).isTrue();
    }

    @Test
    void pullWithUsernameAndPasswordFields() throws Exception {
        Path config = config("""
                {"auths": {"http://%s/v2/": {"username": "%s", "password": "%s"}}}""".formatted(address, USER, password));

        Result pull = compose(project(service()), config, "pull");

        assertThat(pull.code()).as(pull.output()).isZero();
        assertThat(present(image)).isTrue();
    }

    @Test
    void pullWithTheCredsStoreHelper() throws Exception {
        Path config = config("{\"credsStore\": \"test\"}");

        Result pull = compose(project(service()), config, "--progress", "plain", "pull");

        assertThat(pull.code()).as(pull.output()).isZero();
        assertThat(pull.output()).doesNotContain(password);
        assertThat(present(image)).isTrue();
        assertThat(Files.readString(home.resolve("helper.log"))).contains("get " + address);
    }

    @Test
    void pullWithACredHelpersEntry() throws Exception {
        Path config = config("{\"credHelpers\": {\"%s\": \"test\"}}".formatted(address));

        Result up = compose(project(service()), config, "up", "-d");

        assertThat(up.code()).as(up.output()).isZero();
        assertThat(present(image)).isTrue();
    }

    @Test
    void pullWithoutCredentialsFailsWithComposesExitCode() throws Exception {
        Path config = config("{}");

        Result pull = compose(project(service()), config, "--progress", "plain", "pull");

        assertThat(pull.code()).isEqualTo(18);
        assertThat(pull.output()).contains("no basic auth credentials");
        assertThat(present(image)).isFalse();
    }

    @Test
    void aBuildPullsItsBaseImageWithTheConfiguredCredentials() throws Exception {
        Path config = config("""
                {"auths": {"%s": {"auth": "%s"}}}""".formatted(address, basic()));
        String built = "c4j-auth-built-" + UUID.randomUUID().toString().substring(0, 8);
        Path dir = project("services:\n  app:\n    build: .\n    image: " + built + "\n");
        Files.writeString(dir.resolve("Dockerfile"), "FROM " + image + "\nRUN echo built > /built\n");

        try {
            Result build = compose(dir, config, "build");

            assertThat(build.code()).as(build.output()).isZero();
            assertThat(build.output()).doesNotContain(password);
            assertThat(present(built)).isTrue();
        } finally {
            DockerCli.run("rmi", built);
        }
    }

    @Test
    void aBuildWithoutCredentialsCannotPullItsBaseImage() throws Exception {
        String built = "c4j-auth-built-" + UUID.randomUUID().toString().substring(0, 8);
        Path dir = project("services:\n  app:\n    build: .\n    image: " + built + "\n");
        Files.writeString(dir.resolve("Dockerfile"), "FROM " + image + "\nRUN echo built > /built\n");

        Result build = compose(dir, config("{}"), "build");

        assertThat(build.code()).as(build.output()).isNotZero();
        assertThat(present(built)).isFalse();
    }

    private String service() {
        return "services:\n  app:\n    image: " + image + "\n    command: [\"sleep\", \"3600\"]\n    stop_signal: SIGKILL\n";
    }

    private String basic() {
        return Base64.getEncoder().encodeToString((USER + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    /** A private docker config directory with {@code config.json}, and the helper script beside it. */
    private Path config(String json) throws IOException {
        Path dir = Files.createTempDirectory(home, "config");
        Files.writeString(dir.resolve("config.json"), json);
        return dir;
    }

    private Path helperDir() throws IOException {
        Path bin = home.resolve("bin");
        Path helper = bin.resolve("docker-credential-test");
        if (!Files.exists(helper)) {
            Files.createDirectories(bin);
            Files.writeString(helper, """
                    #!/bin/sh
                    read server
                    echo "$1 $server" >> %s
                    if [ "$server" = "%s" ]; then
                      printf '{"ServerURL":"%%s","Username":"%s","Secret":"%s"}' "$server"
                    else
                      echo "credentials not found in native keychain"; exit 1
                    fi
                    """.formatted(home.resolve("helper.log"), address, USER, password));
            Files.setPosixFilePermissions(helper, PosixFilePermissions.fromString("rwxr-xr-x"));
        }
        return bin;
    }

    private Path project(String yaml) throws IOException {
        Path dir = Files.createTempDirectory(home, "project");
        Files.writeString(dir.resolve("compose.yaml"), yaml);
        projects.add(dir);
        return dir;
    }

    private record Result(int code, String output) {
    }

    private Result compose(Path projectDir, Path config, String... args) throws Exception {
        Path jar = Path.of("target", "compose.jar").toAbsolutePath();
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        String name = "c4jauth-" + UUID.randomUUID().toString().substring(0, 8);
        List<String> command = new ArrayList<>(List.of(java, "-jar", jar.toString(), "-p", name));
        command.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(command).directory(projectDir.toFile()).redirectErrorStream(true)
                .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
        Map<String, String> env = pb.environment();
        env.keySet().removeIf(k -> k.startsWith("COMPOSE_"));
        env.put("DOCKER_CONFIG", config.toString());
        env.put("PATH", helperDir() + ":" + env.getOrDefault("PATH", "/usr/bin:/bin"));
        Process p = pb.start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
        DockerCli.run("rm", "-f", "-v", name + "-app-1");
        DockerCli.run("network", "rm", name + "_default");
        return new Result(p.exitValue(), output);
    }

    private void awaitRegistry() throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        for (int i = 0; i < 80; i++) {
            try {
                HttpResponse<Void> r = http.send(HttpRequest.newBuilder(URI.create("http://" + address + "/v2/")).build(),
                        HttpResponse.BodyHandlers.discarding());
                if (r.statusCode() == 401) {
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            if (!registry.isAlive()) {
                throw new AssertionError("docker-registry exited: " + Files.readString(home.resolve("registry.log")));
            }
            Thread.sleep(250);
        }
        throw new AssertionError("docker-registry did not answer on " + address);
    }

    private boolean present(String reference) {
        return DockerCli.run("image", "inspect", reference).code() == 0;
    }

    /**
     * A bcrypt hash (the only kind docker-registry's htpasswd accepts) from the system's crypt(3), through
     * python3; the test is skipped where neither exists.
     */
    private static String bcrypt(String secret) throws Exception {
        Process p = new ProcessBuilder("python3", "-W", "ignore", "-c",
                "import crypt,sys; print(crypt.crypt(sys.stdin.readline().strip(), crypt.mksalt(crypt.METHOD_BLOWFISH)))")
                .start();
        p.getOutputStream().write((secret + "\n").getBytes(StandardCharsets.UTF_8));
        p.getOutputStream().close();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        p.waitFor(30, TimeUnit.SECONDS);
        Assumptions.assumeTrue(p.exitValue() == 0 && out.startsWith("$2"), "python3's crypt makes bcrypt hashes");
        return out;
    }

    private static void deleteTree(Path root) throws IOException {
        try (var paths = Files.walk(root)) {
            paths.sorted(java.util.Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        }
    }
}
