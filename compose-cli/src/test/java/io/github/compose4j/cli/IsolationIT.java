package io.github.compose4j.cli;

import io.github.compose4j.testing.RequiresDocker;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 7, points 1 to 4: compose4j touches only what is its project's, found by exact label value, and checks
 * every precondition before it creates anything.
 */
@RequiresDocker
@Timeout(300)
class IsolationIT {
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

    // (1) down -v never removes a volume that is not the project's, even one the compose file declares.

    @Test
    void downVolumesKeepsDeclaredVolumesOfAnotherProjectOrOfNoProject() {
        String unlabelled = ItProject.uniqueName("c4jit-plain");
        String foreign = ItProject.uniqueName("c4jit-foreign");
        DockerCli.ok("volume", "create", unlabelled);
        DockerCli.ok("volume", "create", "--label", "com.docker.compose.project=someoneelse",
                "--label", "com.docker.compose.volume=data", foreign);
        project = projects.create(tmp, """
                services:
                  db:
                %s    volumes: [plain:/plain, foreign:/foreign, own:/own]
                volumes:
                  plain:
                    name: %s
                  foreign:
                    name: %s
                  own: {}
                """.formatted(SLEEPER, unlabelled, foreign));
        project.onClose(() -> DockerCli.run("volume", "rm", "-f", unlabelled, foreign));
        project.composeOk("up", "-d");

        ItProject.Run down = project.composeOk("-f", "compose.yaml", "down", "-v");

        assertThat(ItProject.volumeExists(unlabelled)).as("the unlabelled volume").isTrue();
        assertThat(ItProject.volumeExists(foreign)).as("another project's volume").isTrue();
        assertThat(ItProject.volumeExists(project.name + "_own")).as("the project's own volume").isFalse();
        assertThat(down.err()).contains("volume \\\"" + unlabelled + "\\\" was not created by Docker Compose: kept")
                .contains("volume \\\"" + foreign + "\\\" belongs to project \\\"someoneelse\\\"");
    }

    // (2) Objects are found by exact name or label, never by an id prefix.

    @Test
    void networkNamedLikeAnotherNetworksIdPrefixIsCreatedUsedAndRemovedAlone() {
        String other = ItProject.uniqueName("c4jit-other");
        String otherId = DockerCli.ok("network", "create", other);
        String prefix = otherId.substring(0, 10);
        project = projects.create(tmp, """
                services:
                  web:
                %snetworks:
                  default:
                    name: %s
                """.formatted(SLEEPER, prefix));
        project.onClose(() -> DockerCli.run("network", "rm", other, prefix));

        project.composeOk("up", "-d");

        String created = DockerCli.ok("network", "inspect", "--format", "{{.Id}} {{.Name}}", prefix);
        assertThat(created).doesNotStartWith(otherId).endsWith(" " + prefix);
        assertThat(project.inspect("web-1", "{{range $k, $v := .NetworkSettings.Networks}}{{$k}}{{end}}"))
                .isEqualTo(prefix);
        assertThat(DockerCli.ok("network", "inspect", "--format", "{{len .Containers}}", otherId)).isEqualTo("0");

        project.composeOk("-f", "compose.yaml", "down");

        assertThat(DockerCli.ok("network", "ls", "-q", "--no-trunc", "--filter", "name=" + other)).isEqualTo(otherId);
        assertThat(project.networks()).isEmpty();
    }

    @Test
    void externalNetworkNamedLikeAnotherNetworksIdPrefixIsMissing() {
        String other = ItProject.uniqueName("c4jit-other");
        String otherId = DockerCli.ok("network", "create", other);
        String prefix = otherId.substring(0, 10);
        project = projects.create(tmp, """
                services:
                  web:
                %snetworks:
                  default:
                    name: %s
                    external: true
                """.formatted(SLEEPER, prefix));
        project.onClose(() -> DockerCli.run("network", "rm", other));

        ItProject.Run up = project.compose("up", "-d");

        assertThat(up.code()).isEqualTo(1);
        assertThat(up.err()).contains("network " + prefix + " declared as external, but could not be found");
        assertThat(project.containers()).isEmpty();
    }

    // (3) Two checkouts whose folders share a name: the other's containers are reported, not removed.

    @Test
    void removeOrphansKeepsTheContainersOfAnotherCheckoutUnlessForced() throws IOException {
        project = projects.create(tmp, "services:\n  first:\n" + SLEEPER);
        project.composeOk("up", "-d");
        Path other = Files.createDirectories(tmp.resolve("elsewhere").resolve(project.name));
        Files.writeString(other.resolve("compose.yaml"), "services:\n  second:\n" + SLEEPER);

        ItProject.Run up = project.composeIn(other, "up", "-d", "--remove-orphans");
        ItProject.Run down = project.composeIn(other, "-f", "compose.yaml", "down", "--remove-orphans");

        assertThat(up.code()).isZero();
        assertThat(down.code()).isZero();
        assertThat(up.err()).contains("container " + project.name + "-first-1 was created for project \\\"" + project.name
                + "\\\" from another folder (" + project.dir + "): kept");
        assertThat(project.containers()).containsOnlyKeys(project.name + "-first-1");

        project.composeIn(other, "-f", "compose.yaml", "down", "--remove-foreign-orphans");

        assertThat(project.containers()).isEmpty();
    }

    // (4) Preconditions are checked before anything is created: a failing up leaves no network behind.

    @Test
    void missingExternalVolumeLeavesNothingBehind() {
        String missing = ItProject.uniqueName("c4jit-missing");
        project = projects.create(tmp, """
                services:
                  db:
                %s    volumes: [ext:/ext]
                volumes:
                  ext:
                    external: true
                    name: %s
                """.formatted(SLEEPER, missing));

        ItProject.Run up = project.compose("up", "-d");

        assertThat(up.code()).isEqualTo(1);
        assertThat(up.err()).endsWith("external volume \"" + missing + "\" not found\n");
        assertThat(project.networks()).isEmpty();
        assertThat(project.containers()).isEmpty();
    }

    @Test
    void imageThatMayNotBePulledLeavesNothingBehind() {
        String image = ItProject.uniqueName("c4jit-absent") + ":latest";
        project = projects.create(tmp, """
                services:
                  other:
                %s  app:
                    image: %s
                    pull_policy: never
                """.formatted(SLEEPER, image));

        ItProject.Run up = project.compose("up", "-d");

        assertThat(up.code()).isEqualTo(1);
        assertThat(up.err()).endsWith("No such image: " + image + "\n");
        assertThat(project.networks()).isEmpty();
        assertThat(project.containers()).isEmpty();
    }

    @Test
    void imageThatCannotBePulledLeavesNothingBehind() {
        String image = "127.0.0.1:5000/" + ItProject.uniqueName("c4jit-absent") + ":latest";
        project = projects.create(tmp, """
                services:
                  other:
                %s  app:
                    image: %s
                """.formatted(SLEEPER, image));

        ItProject.Run up = project.compose("up", "-d");

        assertThat(up.code()).isEqualTo(18);
        assertThat(up.err()).contains("manifest unknown");
        assertThat(project.networks()).isEmpty();
        assertThat(project.containers()).isEmpty();
    }
}
