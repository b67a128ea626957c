package io.github.compose4j.cli;

import io.github.compose4j.testing.RequiresDocker;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** Named volumes outlive their containers; only {@code down -v} removes them, and only the project's own. */
@RequiresDocker
@Timeout(300)
class VolumesIT {
    @TempDir
    Path tmp;
    ItProject project;
    ItProject neighbour;

    @AfterEach
    void cleanUp() {
        if (project != null) {
            project.close();
        }
        if (neighbour != null) {
            neighbour.close();
        }
    }

    private static String app(String role) {
        return """
                services:
                  db:
                    image: busybox:latest
                    command: ["sleep", "3600"]
                    stop_signal: SIGKILL
                    environment:
                      ROLE: %s
                    volumes: [data:/data]
                volumes:
                  data: {}
                """.formatted(role);
    }

    private String exec(String script) {
        return DockerCli.ok("exec", project.name + "-db-1", "sh", "-c", script);
    }

    @Test
    void dataSurvivesARecreate() {
        project = ItProject.create(tmp, app("primary"));
        project.composeOk("up", "-d");
        String before = project.containerId("db-1");
        exec("echo kept > /data/file");
        project.write(app("replica"));

        project.composeOk("up", "-d");

        assertThat(project.containerId("db-1")).isNotEqualTo(before);
        assertThat(exec("cat /data/file")).isEqualTo("kept");
    }

    @Test
    void dataSurvivesDownWithoutVolumes() {
        project = ItProject.create(tmp, app("primary"));
        project.composeOk("up", "-d");
        exec("echo kept > /data/file");

        project.composeOk("down");

        assertThat(project.containers()).isEmpty();
        assertThat(project.volumes()).containsExactly(project.name + "_data");
        project.composeOk("up", "-d");
        assertThat(exec("cat /data/file")).isEqualTo("kept");
    }

    @Test
    void downVolumesRemovesTheProjectsVolumesOnly() {
        String external = ItProject.uniqueName("c4jit-ext");
        DockerCli.ok("volume", "create", external);
        project = ItProject.create(tmp, """
                services:
                  db:
                    image: busybox:latest
                    command: ["sleep", "3600"]
                    stop_signal: SIGKILL
                    volumes: [data:/data, ext:/ext, /anonymous]
                volumes:
                  data: {}
                  ext:
                    external: true
                    name: %s
                """.formatted(external));
        project.onClose(() -> DockerCli.run("volume", "rm", "-f", external));
        neighbour = ItProject.create(tmp, app("primary"));
        neighbour.composeOk("up", "-d");
        project.composeOk("up", "-d");
        String anonymous = project.inspect("db-1", "{{range .Mounts}}{{if eq .Destination \"/anonymous\"}}{{.Name}}{{end}}{{end}}");
        assertThat(anonymous).isNotEmpty();

        project.composeOk("down", "-v");

        assertThat(ItProject.volumeExists(project.name + "_data")).as("the project's named volume").isFalse();
        assertThat(ItProject.volumeExists(anonymous)).as("the container's anonymous volume").isFalse();
        assertThat(ItProject.volumeExists(external)).as("the external volume").isTrue();
        assertThat(ItProject.volumeExists(neighbour.name + "_data")).as("another project's volume").isTrue();
    }
}
