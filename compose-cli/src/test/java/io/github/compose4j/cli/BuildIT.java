package io.github.compose4j.cli;

import io.github.compose4j.testing.RequiresDocker;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** Builds with the engine's classic builder, observed on what the daemon then holds. */
@RequiresDocker
@Timeout(600)
class BuildIT {
    @TempDir
    Path tmp;
    ItProject project;

    @RegisterExtension
    final ItProjects projects = new ItProjects();

    private ItProject project(String yaml, String dockerfile) throws IOException {
        project = projects.create(tmp, yaml);
        Files.writeString(project.dir.resolve("Dockerfile"), dockerfile);
        String image = project.name + "-web";
        project.onClose(() -> DockerCli.run("image", "rm", "-f", image));
        return project;
    }

    private void file(String name, String content) throws IOException {
        Path p = project.dir.resolve(name);
        Files.createDirectories(p.getParent());
        Files.writeString(p, content);
    }

    private String image() {
        return project.name + "-web";
    }

    private static final String WEB = """
            services:
              web:
                build: .
            """;

    @Test
    void onlyWhatTheIgnoreFileLetsThroughReachesTheImage() throws IOException {
        project(WEB, "FROM busybox:latest\nCOPY . /ctx\n");
        file(".dockerignore", "*.log\nsecrets\n!secrets/public.txt\n**/tmp\n");
        file("app.txt", "a");
        file("debug.log", "l");
        file("secrets/key.pem", "k");
        file("secrets/public.txt", "p");
        file("src/tmp/x", "x");
        file("src/main.c", "m");

        project.composeOk("build");

        String listed = DockerCli.ok("run", "--rm", image(), "find", "/ctx", "-type", "f");
        assertThat(listed.lines().sorted()).containsExactly("/ctx/.dockerignore", "/ctx/Dockerfile", "/ctx/app.txt",
                "/ctx/compose.yaml", "/ctx/secrets/public.txt", "/ctx/src/main.c");
    }

    @Test
    void argsAndTargetReachTheBuild() throws IOException {
        project("""
                services:
                  web:
                    build:
                      context: .
                      target: first
                      args:
                        COLOR: blue
                """, """
                FROM busybox:latest AS first
                ARG COLOR
                LABEL color=$COLOR stage=first
                FROM busybox:latest AS second
                LABEL stage=second
                """);

        project.composeOk("build");

        assertThat(DockerCli.ok("image", "inspect", "--format", "{{index .Config.Labels \"color\"}} "
                + "{{index .Config.Labels \"stage\"}} {{index .Config.Labels \"com.docker.compose.image.builder\"}}",
                image()).strip()).isEqualTo("blue first classic");
    }

    @Test
    void upBuildRecreatesTheServiceWhenItsImageChanged() throws IOException {
        project("""
                services:
                  web:
                    build: .
                    stop_signal: SIGKILL
                """, "FROM busybox:latest\nCOPY index.html /www/index.html\n"
                + "CMD [\"httpd\", \"-f\", \"-p\", \"8080\", \"-h\", \"/www\"]\n");
        file("index.html", "v1");
        project.composeOk("up", "-d");
        String before = project.containerId("web-1");
        file("index.html", "v2");

        ItProject.Run up = project.composeOk("up", "-d", "--build");

        assertThat(up.out()).contains("Successfully tagged " + image() + ":latest");
        assertThat(project.containerId("web-1")).isNotEqualTo(before);
        assertThat(DockerCli.ok("exec", project.name + "-web-1", "wget", "-qO-", "http://127.0.0.1:8080/").strip())
                .isEqualTo("v2");
    }

    @Test
    void independentServicesBuildSideBySideAndTheirLinesStayWhole() throws IOException {
        project("""
                services:
                  web:
                    build: .
                  api:
                    build:
                      context: .
                      dockerfile: api.Dockerfile
                """, "");
        // Labels unique to the project, so that the RUN steps run on images of their own.
        file("Dockerfile", "FROM busybox:latest\nLABEL run=" + project.name + "-web\nRUN sleep 2\n");
        file("api.Dockerfile", "FROM busybox:latest\nLABEL run=" + project.name + "-api\nRUN sleep 2\n");
        String api = project.name + "-api";
        project.onClose(() -> DockerCli.run("image", "rm", "-f", api));
        long since = System.currentTimeMillis() / 1000 - 1;

        ItProject.Run build = project.composeOk("build");

        // Each RUN step ran in a container of the image its LABEL step made: the grandparent of the built image.
        Set<String> runImages = Set.of(parent(parent(image())), parent(parent(api)));
        List<String> events = DockerCli.ok("events", "--since", Long.toString(since),
                "--until", Long.toString(System.currentTimeMillis() / 1000 + 1), "--filter", "type=container",
                "--filter", "event=start", "--filter", "event=die", "--format", "{{.Action}} {{.From}}")
                .lines().filter(l -> runImages.contains(l.substring(l.indexOf(' ') + 1)))
                .map(l -> l.substring(0, l.indexOf(' '))).toList();
        assertThat(events).as("both RUN steps started before either ended").containsExactly("start", "start", "die",
                "die");
        assertThat(build.out().lines()).contains("Step 1/4 : FROM busybox:latest", "Successfully tagged " + image()
                + ":latest", "Successfully tagged " + api + ":latest");
    }

    @Test
    void memoryLimitsTheBuildsContainers() throws IOException {
        project(WEB, "FROM busybox:latest\nRUN (cat /sys/fs/cgroup/memory.max 2>/dev/null"
                + " || cat /sys/fs/cgroup/memory/memory.limit_in_bytes) > /limit\n");

        project.composeOk("build", "--no-cache", "-m", "64m");

        assertThat(DockerCli.ok("run", "--rm", image(), "cat", "/limit")).isEqualTo("67108864");
    }

    @Test
    void pushSendsTheBuiltImageToItsRegistry() throws IOException {
        String remote = "127.0.0.1:5000/" + "c4j-" + Long.toHexString(System.nanoTime()) + ":latest";
        project("""
                services:
                  web:
                    build: .
                    image: %s
                """.formatted(remote), "FROM busybox:latest\nLABEL pushed=yes\n");
        project.onClose(() -> DockerCli.run("image", "rm", "-f", remote));

        project.composeOk("build", "--push");
        String built = DockerCli.ok("image", "inspect", "--format", "{{.Id}}", remote);
        DockerCli.ok("image", "rm", remote);
        DockerCli.ok("pull", "-q", remote);

        assertThat(DockerCli.ok("image", "inspect", "--format", "{{.Id}}", remote)).isEqualTo(built);
    }

    private static String parent(String image) {
        return DockerCli.ok("image", "inspect", "--format", "{{.Parent}}", image);
    }

    @Test
    void upBuildKeepsTheServiceWhenNothingChanged() throws IOException {
        project("""
                services:
                  web:
                    build: .
                    command: ["sleep", "3600"]
                    stop_signal: SIGKILL
                """, "FROM busybox:latest\nCOPY . /ctx\n");
        project.composeOk("up", "-d");
        String before = project.containerId("web-1");

        project.composeOk("up", "-d", "--build");

        assertThat(project.containerId("web-1")).isEqualTo(before);
    }

    @Test
    void buildArgOnTheCommandLineWinsOverTheFile() throws IOException {
        project("""
                services:
                  web:
                    build:
                      context: .
                      args:
                        FOO: file
                """, "FROM busybox:latest\nARG FOO\nLABEL foo=$FOO\n");

        project.composeOk("build", "--build-arg", "FOO=cli");

        assertThat(DockerCli.ok("image", "inspect", "--format", "{{index .Config.Labels \"foo\"}}", image()).strip())
                .isEqualTo("cli");
    }

    @Test
    void quietPrintsNothingOnStdout() throws IOException {
        project(WEB, "FROM busybox:latest\nRUN echo building\n");

        ItProject.Run build = project.composeOk("build", "-q");

        assertThat(build.out()).isEmpty();
        assertThat(DockerCli.run("image", "inspect", image()).code()).isZero();
    }

    @Test
    void noCacheRunsEveryStepAgain() throws IOException {
        project(WEB, "FROM busybox:latest\nRUN echo building\n");
        project.composeOk("build");

        ItProject.Run again = project.composeOk("build");
        ItProject.Run fresh = project.composeOk("build", "--no-cache");

        assertThat(again.out()).contains("Using cache");
        assertThat(fresh.out()).doesNotContain("Using cache").contains("building");
    }

    @Test
    void aFailingStepEndsWithItsExitCodeAndMessage() throws IOException {
        project(WEB, "FROM busybox:latest\nRUN exit 3\n");

        ItProject.Run build = project.compose("build");

        assertThat(build.code()).isEqualTo(3);
        assertThat(build.err()).contains("The command '/bin/sh -c exit 3' returned a non-zero code: 3");
    }

    @Test
    void aBuildKitOnlyInstructionFailsBeforeTheBuild() throws IOException {
        project(WEB, "FROM busybox:latest\nRUN --mount=type=cache,target=/c true\n");

        ItProject.Run build = project.compose("build");

        assertThat(build.code()).isEqualTo(1);
        assertThat(build.err()).contains("Dockerfile:2: RUN --mount requires BuildKit");
        assertThat(build.out()).doesNotContain("Sending build context");
    }
}
