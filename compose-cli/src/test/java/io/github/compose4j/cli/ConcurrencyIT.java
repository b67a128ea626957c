package io.github.compose4j.cli;

import io.github.compose4j.testing.RequiresDocker;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 7, points 5 and 6: concurrent runs of one project and a crash in the middle of a recreate, with the real
 * launcher as child processes.
 */
@RequiresDocker
@Timeout(300)
class ConcurrencyIT {
    @TempDir
    Path tmp;
    ItProject project;

    @RegisterExtension
    final ItProjects projects = new ItProjects();

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
                  web:
                    image: busybox:latest
                    command: ["sleep", "3600"]
                    stop_signal: SIGKILL
                    depends_on: [db]
                volumes:
                  data: {}
                """.formatted(role);
    }

    private List<Launcher.Result> atOnce(int n, String... args) {
        List<Process> started = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            List<String> command = new ArrayList<>(List.of("-p", project.name));
            command.addAll(List.of(args));
            started.add(Launcher.start(Launcher.builder(project.dir, Map.of(),
                    Launcher.command(command.toArray(String[]::new)))));
        }
        return started.stream().map(Launcher::finish).toList();
    }

    @Test
    void fourUpAtOnceEndWithOneNetworkAndEveryContainerRunning() {
        project = projects.create(tmp, app("primary"));

        List<Launcher.Result> runs = atOnce(4, "up", "-d");

        assertThat(runs).allSatisfy(r -> assertThat(r.code()).as(r.err()).isZero());
        assertThat(project.networks()).containsExactly(project.name + "_default");
        assertThat(project.containers()).containsOnlyKeys(project.name + "-db-1", project.name + "-web-1");
        assertThat(DockerCli.ok("ps", "-q", "--filter", "label=com.docker.compose.project=" + project.name,
                "--filter", "status=running").lines().count()).isEqualTo(2);
    }

    @Test
    void fourRunRemoveAtOnceOnAFreshProjectAllSucceed() {
        project = projects.create(tmp, app("primary"));

        List<Launcher.Result> runs = atOnce(4, "run", "--rm", "web", "echo", "ran");

        assertThat(runs).allSatisfy(r -> {
            assertThat(r.code()).as(r.err()).isZero();
            assertThat(r.out()).isEqualTo("ran\n");
        });
        assertThat(project.networks()).containsExactly(project.name + "_default");
        assertThat(project.containers()).containsOnlyKeys(project.name + "-db-1");
    }

    /**
     * The process dies (halted as by {@code kill -9}, see {@link HaltAfter}) right after each step of a recreate:
     * create of the replacement under its temporary name, stop and removal of the old container, rename.
     */
    @ParameterizedTest
    @ValueSource(strings = {"createContainer", "stopContainer", "removeContainer", "renameContainer"})
    void upAfterACrashInARecreateConvergesWithTheDataIntact(String crashAfter) {
        project = projects.create(tmp, app("primary"));
        project.composeOk("up", "-d");
        DockerCli.ok("exec", project.name + "-db-1", "sh", "-c", "echo kept > /data/file");
        project.write(app("replica"));
        Launcher.Result crashed = Launcher.run(project.dir, Map.of(HaltAfter.VARIABLE, crashAfter + ":1"),
                "-p", project.name, "up", "-d", "db");
        assertThat(crashed.code()).as(crashed.err()).isEqualTo(HaltAfter.KILLED);

        project.composeOk("up", "-d");

        assertThat(project.containers()).containsOnlyKeys(project.name + "-db-1", project.name + "-web-1");
        assertThat(DockerCli.ok("exec", project.name + "-db-1", "sh", "-c", "cat /data/file; echo $ROLE"))
                .isEqualTo("kept\nreplica");
    }
}
