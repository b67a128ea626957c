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

/** {@code --dry-run} changes nothing on the daemon, for the commands that would create, run or copy. */
@RequiresDocker
@Timeout(300)
class DryRunIT {
    @TempDir
    Path tmp;

    @RegisterExtension
    final ItProjects projects = new ItProjects();

    @Test
    void runWatchExecAndCpLeaveTheDaemonAsItWas() throws IOException {
        ItProject project = projects.create(tmp, """
                services:
                  web:
                    build: .
                    command: ["sleep", "3600"]
                    stop_signal: SIGKILL
                    volumes: ["data:/data"]
                    develop:
                      watch:
                        - path: ./app
                          action: sync
                          target: /app
                volumes:
                  data: {}
                """);
        Files.writeString(project.dir.resolve("Dockerfile"), "FROM busybox:latest\n");
        Files.writeString(project.dir.resolve("file.txt"), "x");

        ItProject.Run attached = project.compose("--dry-run", "run", "web", "touch", "/x");
        assertThat(attached.code()).isEqualTo(1);
        assertThat(attached.err()).isEqualTo("interactive run is not supported in dry-run mode\n");
        assertThat(project.compose("--dry-run", "run", "-d", "web", "touch", "/x").code()).isZero();
        assertThat(project.compose("--dry-run", "watch").code()).isZero();
        assertThat(project.containers()).isEmpty();
        assertThat(project.networks()).isEmpty();
        assertThat(DockerCli.ok("volume", "ls", "-q", "--filter", "name=" + project.name + "_data")).isEmpty();

        project.composeOk("up", "-d");
        assertThat(project.compose("--dry-run", "exec", "-T", "web", "touch", "/marker").code()).isZero();
        assertThat(project.compose("--dry-run", "cp", "file.txt", "web:/copied").code()).isZero();

        assertThat(DockerCli.run("exec", project.name + "-web-1", "ls", "/marker", "/copied").code()).isNotZero();
        project.onClose(() -> DockerCli.run("image", "rm", "-f", project.name + "-web"));
    }
}
