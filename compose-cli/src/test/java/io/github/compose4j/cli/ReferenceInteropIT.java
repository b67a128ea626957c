package io.github.compose4j.cli;

import io.github.compose4j.testing.RequiresDocker;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * compose4j and Docker Compose 2.26 take each other's containers as their own: what one brought up,
 * the other finds up to date (same container ids) or takes down.
 */
@RequiresDocker
@Timeout(300)
class ReferenceInteropIT {
    /** Every convergence-relevant feature at once: depends_on on health, named volume, custom network, ports, environment. */
    static final String APP = """
            services:
              db:
                image: busybox:latest
                command: ["sh", "-c", "touch /data/ready; exec sleep 3600"]
                stop_signal: SIGKILL
                environment:
                  ROLE: db
                volumes: [data:/data]
                networks: [back]
                healthcheck:
                  test: ["CMD", "test", "-f", "/data/ready"]
                  interval: 1s
                  timeout: 1s
                  retries: 30
              web:
                image: busybox:latest
                command: ["sleep", "3600"]
                stop_signal: SIGKILL
                depends_on:
                  db:
                    condition: service_healthy
                environment:
                  ROLE: web
                  DB_HOST: db
                ports: ["127.0.0.1::8080"]
                networks: [back, default]
            volumes:
              data: {}
            networks:
              back: {}
            """;

    @TempDir
    Path tmp;
    ItProject project;

    @RegisterExtension
    final ItProjects projects = new ItProjects();

    @BeforeEach
    void setUp() {
        DockerCli.assumeReferenceCompose();
        project = projects.create(tmp, APP);
    }


    @Test
    void referenceListsWhatWeBroughtUp() {
        project.composeOk("up", "-d");

        DockerCli.Result ps = project.referenceOk("ps", "--format", "{{.Name}} {{.State}}");

        assertThat(ps.lines()).containsExactlyInAnyOrder(
                project.name + "-db-1 running", project.name + "-web-1 running");
    }

    @Test
    void referenceRecreatesNothingWeBroughtUp() {
        project.composeOk("up", "-d");
        Map<String, String> before = project.containers();

        project.referenceOk("up", "-d");

        assertThat(before).hasSize(2);
        assertThat(project.containers()).isEqualTo(before);
    }

    @Test
    void weRecreateNothingTheReferenceBroughtUp() {
        project.referenceOk("up", "-d");
        Map<String, String> before = project.containers();

        ItProject.Run up = project.composeOk("up", "-d");

        assertThat(before).hasSize(2);
        assertThat(project.containers()).isEqualTo(before);
        assertThat(up.err()).doesNotContain("Recreate");
    }

    @Test
    void ourDownRemovesWhatTheReferenceCreatedAndKeepsVolumes() {
        project.referenceOk("up", "-d");
        assertThat(project.networks()).containsExactly(project.name + "_back", project.name + "_default");

        project.composeOk("down");

        assertThat(project.containers()).isEmpty();
        assertThat(project.networks()).isEmpty();
        assertThat(project.volumes()).containsExactly(project.name + "_data");
    }
}
