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

/** {@code down} without the compose file, and {@code up}'s failure on a missing external network. */
@RequiresDocker
@Timeout(300)
class DownIT {
    @TempDir
    Path tmp;
    ItProject project;

    @RegisterExtension
    final ItProjects projects = new ItProjects();

    @Test
    void downWithOnlyAProjectNameRemovesWhatTheLabelsName() throws IOException {
        project = projects.create(tmp, """
                services:
                  web:
                    image: busybox:latest
                    command: ["sleep", "3600"]
                    stop_signal: SIGKILL
                    networks: [front]
                    volumes: [data:/data]
                  worker:
                    image: busybox:latest
                    command: ["sleep", "3600"]
                    stop_signal: SIGKILL
                networks:
                  front: {}
                volumes:
                  data: {}
                """);
        project.composeOk("up", "-d", "--scale", "worker=2");
        assertThat(project.containers()).hasSize(3);
        Path elsewhere = Files.createDirectories(tmp.resolve("no-compose-file-here"));

        ItProject.Run down = project.composeIn(elsewhere, "down");

        assertThat(down.code()).as(down.err()).isZero();
        assertThat(project.containers()).isEmpty();
        assertThat(project.networks()).isEmpty();
        assertThat(project.volumes()).containsExactly(project.name + "_data");
    }

    @Test
    void downVolumesWithOnlyAProjectNameRemovesTheLabelledVolumes() throws IOException {
        project = projects.create(tmp, """
                services:
                  web:
                    image: busybox:latest
                    command: ["sleep", "3600"]
                    stop_signal: SIGKILL
                    volumes: [data:/data, /anonymous]
                volumes:
                  data: {}
                """);
        project.composeOk("up", "-d");
        String anonymous = project.inspect("web-1", "{{range .Mounts}}{{if eq .Destination \"/anonymous\"}}{{.Name}}{{end}}{{end}}");
        Path elsewhere = Files.createDirectories(tmp.resolve("no-compose-file-here"));

        ItProject.Run down = project.composeIn(elsewhere, "down", "-v");

        assertThat(down.code()).as(down.err()).isZero();
        assertThat(project.containers()).isEmpty();
        assertThat(project.volumes()).isEmpty();
        assertThat(ItProject.volumeExists(anonymous)).as("the container's anonymous volume").isFalse();
    }

    private static String withExternalNetwork(String network) {
        return """
                services:
                  web:
                    image: busybox:latest
                    command: ["sleep", "3600"]
                    stop_signal: SIGKILL
                    networks: [outside]
                networks:
                  outside:
                    external: true
                    name: %s
                """.formatted(network);
    }

    @Test
    void missingExternalNetworkFailsWithTheDaemonsAnswer() {
        String network = ItProject.uniqueName("c4jit-missing");
        project = projects.create(tmp, withExternalNetwork(network));

        ItProject.Run up = project.compose("up", "-d");

        assertThat(up.code()).isEqualTo(1);
        assertThat(up.err()).isEqualTo("Error response from daemon: network " + network + " not found\n");
        assertThat(project.containers()).isEmpty();
    }

    @Test
    void missingExternalNetworkWithSimilarlyNamedOnesIsDeclaredMissing() {
        String network = ItProject.uniqueName("c4jit-missing");
        DockerCli.ok("network", "create", network + "-other");
        project = projects.create(tmp, withExternalNetwork(network));
        project.onClose(() -> DockerCli.run("network", "rm", network + "-other"));

        ItProject.Run up = project.compose("up", "-d");

        assertThat(up.code()).isEqualTo(1);
        assertThat(up.err()).isEqualTo("network " + network + " declared as external, but could not be found\n");
        assertThat(project.containers()).isEmpty();
    }
}
