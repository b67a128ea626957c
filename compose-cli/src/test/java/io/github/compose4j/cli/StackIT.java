package io.github.compose4j.cli;

import io.github.compose4j.testing.RequiresDocker;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * {@code compose stack} against a real single-node swarm. The daemon is shared: the swarm is created here and left
 * in {@link #leaveSwarm()} whatever happens, and only when this class created it; the tests run one after another.
 * The routing mesh (ingress) does not forward traffic on every host (not on this one's kernel), so an ingress port is
 * checked as the swarm publishes it, and traffic goes through a host-mode port.
 */
@RequiresDocker
@Timeout(600)
class StackIT {
    private static boolean swarmCreated;

    @TempDir
    Path tmp;
    ItProject project;
    final int ingressPort = ThreadLocalRandom.current().nextInt(20000, 25000);
    final int hostPort = ingressPort + 5000;

    @BeforeAll
    static void createSwarm() {
        String state = DockerCli.ok("info", "--format", "{{.Swarm.LocalNodeState}}");
        assumeTrue(state.equals("inactive"), "the daemon is already in a swarm (" + state + "): not ours to use");
        DockerCli.ok("swarm", "init", "--advertise-addr", "127.0.0.1");
        swarmCreated = true;
    }

    @AfterAll
    static void leaveSwarm() {
        if (swarmCreated) {
            DockerCli.run("swarm", "leave", "--force");
        }
    }

    @AfterEach
    void removeStack() {
        if (project != null) {
            DockerCli.run("stack", "rm", project.name);
            awaitNoNetworks(project.name);
            project.close();
        }
    }

    private String threeServices(int replicas, String configContent) {
        return """
                services:
                  web:
                    image: 127.0.0.1:5000/busybox:latest
                    command: ["httpd", "-f", "-p", "80", "-h", "/www"]
                    ports: ["%d:80"]
                    configs: [{source: page, target: /www/index.html}]
                    networks: [back]
                    deploy:
                      replicas: %d
                  worker:
                    image: 127.0.0.1:5000/busybox:latest
                    command: ["sleep", "3600"]
                    networks: [back]
                    secrets: [token]
                    depends_on: [web]
                    deploy:
                      replicas: %d
                  edge:
                    image: 127.0.0.1:5000/busybox:latest
                    command: ["httpd", "-f", "-p", "80", "-h", "/www"]
                    ports: [{target: 80, published: %d, mode: host}]
                    configs: [{source: page, target: /www/index.html}]
                    networks: [back]
                    deploy:
                      update_config: {parallelism: 1, order: stop-first}
                networks:
                  back: {driver: overlay, attachable: true}
                configs:
                  page: {content: "%s"}
                secrets:
                  token: {file: ./token.txt}
                """.formatted(ingressPort, replicas, replicas, hostPort, configContent);
    }

    private ItProject deployed(String yaml) throws IOException {
        project = ItProject.create(tmp, yaml);
        Files.writeString(project.dir.resolve("token.txt"), "s3cret");
        ItProject.Run run = project.compose("stack", "deploy", "--detach=false", "--resolve-image", "never");
        assertThat(run.code()).as(run.err()).isZero();
        return project;
    }

    private String serviceField(String service, String template) {
        return DockerCli.ok("service", "inspect", project.name + "_" + service, "--format", template);
    }

    @Test
    void aThreeServiceProjectRunsItsReplicasOnAnOverlayNetwork() throws IOException {
        deployed(threeServices(3, "hello v1"));

        assertThat(DockerCli.ok("service", "ls", "--filter", "label=com.docker.stack.namespace=" + project.name,
            "--format", "{{.Name}} {{.Replicas}}").lines().sorted().toList()).containsExactly(
            project.name + "_edge 1/1", project.name + "_web 3/3", project.name + "_worker 3/3");
        assertThat(DockerCli.ok("network", "inspect", project.name + "_back", "--format",
            "{{.Driver}} {{.Scope}} {{.Attachable}}")).isEqualTo("overlay swarm true");
        assertThat(serviceField("worker", "{{range .Spec.TaskTemplate.Networks}}{{.Aliases}}{{end}}"))
            .isEqualTo("[worker]");
    }

    @Test
    void publishedPortsAreOnTheIngressOrOnTheHostAndServeTheConfig() throws Exception {
        deployed(threeServices(1, "hello v1"));

        assertThat(serviceField("web", "{{range .Endpoint.Ports}}{{.PublishMode}} {{.PublishedPort}}->{{.TargetPort}}"
            + "{{end}}")).isEqualTo("ingress " + ingressPort + "->80");
        assertThat(serviceField("web", "{{len .Endpoint.VirtualIPs}}")).isEqualTo("2"); // ingress and back
        assertThat(httpGet(hostPort, "hello v1")).isEqualTo("hello v1");
    }

    @Test
    void dockerStackServicesListsWhatComposeDeployed() throws IOException {
        deployed(threeServices(1, "hello v1"));

        DockerCli.Result services = DockerCli.run("stack", "services", project.name, "--format", "{{.Name}}");

        assertThat(services.lines()).containsExactlyInAnyOrder(project.name + "_edge", project.name + "_web",
            project.name + "_worker");
    }

    @Test
    void editingTheReplicasAndRedeployingScalesOnlyThatService() throws IOException {
        deployed(threeServices(1, "hello v1"));
        String edgeVersion = serviceField("edge", "{{.Version.Index}}");

        project.write(threeServices(3, "hello v1"));
        ItProject.Run run = project.compose("stack", "deploy", "--detach=false", "--resolve-image", "never");

        assertThat(run.code()).as(run.err()).isZero();
        assertThat(serviceField("worker", "{{.Spec.Mode.Replicated.Replicas}}")).isEqualTo("3");
        assertThat(DockerCli.ok("service", "ls", "--filter", "name=" + project.name + "_worker", "--format",
            "{{.Replicas}}")).isEqualTo("3/3");
        assertThat(serviceField("edge", "{{.Version.Index}}")).isEqualTo(edgeVersion);
        assertThat(run.out()).contains("Service " + project.name + "_edge is up to date");
    }

    @Test
    void newConfigContentRollsTheServicesUsingIt() throws Exception {
        deployed(threeServices(1, "hello v1"));
        String firstConfig = serviceField("edge", "{{range .Spec.TaskTemplate.ContainerSpec.Configs}}{{.ConfigName}}"
            + "{{end}}");

        project.write(threeServices(1, "hello v2"));
        ItProject.Run run = project.compose("stack", "deploy", "--detach=false", "--resolve-image", "never");

        assertThat(run.code()).as(run.err()).isZero();
        assertThat(serviceField("edge", "{{.UpdateStatus.State}}")).isEqualTo("completed");
        String newConfig = serviceField("edge", "{{range .Spec.TaskTemplate.ContainerSpec.Configs}}{{.ConfigName}}"
            + "{{end}}");
        assertThat(newConfig).startsWith(project.name + "_page-").isNotEqualTo(firstConfig);
        assertThat(DockerCli.ok("config", "ls", "--filter", "label=com.docker.stack.namespace=" + project.name,
            "--format", "{{.Name}}")).isEqualTo(newConfig);
        assertThat(httpGet(hostPort, "hello v2")).isEqualTo("hello v2");
    }

    @Test
    void stackRmLeavesNothing() throws IOException {
        deployed(threeServices(1, "hello v1"));

        ItProject.Run rm = project.compose("stack", "rm");

        assertThat(rm.code()).as(rm.err()).isZero();
        String label = "label=com.docker.stack.namespace=" + project.name;
        assertThat(DockerCli.ok("service", "ls", "-q", "--filter", label)).isEmpty();
        assertThat(DockerCli.ok("config", "ls", "-q", "--filter", label)).isEmpty();
        assertThat(DockerCli.ok("secret", "ls", "-q", "--filter", label)).isEmpty();
        assertThat(awaitNoNetworks(project.name)).isEmpty();
    }

    @Test
    void composeStackPsListsWhatDockerStackDeployed() throws IOException {
        project = ItProject.create(tmp, """
                services:
                  app:
                    image: 127.0.0.1:5000/busybox:latest
                    command: ["sleep", "3600"]
                    deploy:
                      replicas: 2
                """);
        DockerCli.Result deploy = DockerCli.runIn(project.dir, null, "stack", "deploy", "--detach=false",
            "--resolve-image", "never", "-c", "compose.yaml", project.name);
        assertThat(deploy.code()).as(deploy.err()).isZero();

        ItProject.Run ps = project.compose("stack", "ps", project.name, "--format", "{{json .}}");
        ItProject.Run ls = project.compose("stack", "ls");

        assertThat(ps.code()).as(ps.err()).isZero();
        assertThat(ps.out().lines().toList()).hasSize(2).allSatisfy(line -> assertThat(line)
            .contains("\"DesiredState\":\"Running\"").contains("\"Image\":\"127.0.0.1:5000/busybox:latest\""))
            .anySatisfy(line -> assertThat(line).contains("\"Name\":\"" + project.name + "_app.1\""));
        assertThat(ls.out()).containsPattern("(?m)^" + project.name + " +1$");
    }

    @Test
    void composeStackRmRemovesWhatDockerStackDeployed() throws IOException {
        project = ItProject.create(tmp, """
                services:
                  app:
                    image: 127.0.0.1:5000/busybox:latest
                    command: ["sleep", "3600"]
                """);
        DockerCli.Result deploy = DockerCli.runIn(project.dir, null, "stack", "deploy", "--resolve-image", "never",
            "-c", "compose.yaml", project.name);
        assertThat(deploy.code()).as(deploy.err()).isZero();

        ItProject.Run rm = project.compose("stack", "rm", project.name);

        assertThat(rm.out()).contains("Removing service " + project.name + "_app",
            "Removing network " + project.name + "_default");
        assertThat(DockerCli.ok("service", "ls", "-q", "--filter", "label=com.docker.stack.namespace="
            + project.name)).isEmpty();
    }

    /** Waits for the node to drop the stack's networks (task containers leave them a moment after removal). */
    private static List<String> awaitNoNetworks(String stack) {
        List<String> left = List.of();
        for (int i = 0; i < 60; i++) {
            left = DockerCli.ok("network", "ls", "-q", "--filter", "label=com.docker.stack.namespace=" + stack)
                .lines().filter(l -> !l.isBlank()).toList();
            if (left.isEmpty()) {
                return left;
            }
            sleep(500);
        }
        return left;
    }

    /** The page served on the port once it is {@code expected} (the task's server may take a moment to listen). */
    private static String httpGet(int port, String expected) throws Exception {
        HttpClient client = HttpClient.newBuilder().connectTimeout(java.time.Duration.ofSeconds(2)).build();
        String last = "";
        for (int i = 0; i < 40; i++) {
            try {
                HttpResponse<String> r = client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/"))
                    .timeout(java.time.Duration.ofSeconds(2)).build(), HttpResponse.BodyHandlers.ofString());
                last = r.body().trim();
                if (last.equals(expected)) {
                    return last;
                }
            } catch (IOException e) {
                last = e.toString();
            }
            sleep(500);
        }
        return last;
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted");
        }
    }
}
