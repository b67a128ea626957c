package io.github.compose4j.cli;

import io.github.compose4j.testing.RequiresDocker;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code compose watch} on the real daemon: files synced and deleted, an image rebuilt, a service restarted. */
@RequiresDocker
@Timeout(300)
class WatchIT {
    @TempDir
    Path tmp;

    @RegisterExtension
    final ItProjects projects = new ItProjects();

    @Test
    void changesReachTheContainersAsTheRulesSay() throws Exception {
        ItProject project = projects.create(tmp, """
                services:
                  web:
                    build: .
                    command: ["sleep", "3600"]
                    stop_signal: SIGKILL
                    develop:
                      watch:
                        - path: ./app
                          action: sync
                          target: /app
                          ignore: ["*.tmp"]
                        - path: ./conf
                          action: sync+restart
                          target: /conf
                        - path: ./Dockerfile
                          action: rebuild
                """);
        project.onClose(() -> DockerCli.run("image", "rm", "-f", project.name + "-web"));
        Path app = Files.createDirectories(project.dir.resolve("app"));
        Files.createDirectories(project.dir.resolve("conf"));
        Files.writeString(app.resolve("index.txt"), "v1");
        Files.writeString(project.dir.resolve("Dockerfile"), "FROM busybox:latest\nCOPY app /app\n");
        SignalsIT.Child watch = new SignalsIT.Child(project.dir, "Watch enabled", "-p", project.name, "watch");
        watch.awaitReady();
        String container = project.name + "-web-1";

        Files.writeString(app.resolve("index.txt"), "v2");
        Files.createDirectories(app.resolve("sub"));
        Files.writeString(app.resolve("sub/new.txt"), "new");
        Files.writeString(app.resolve("skip.tmp"), "x");
        eventually(() -> exec(container, "find /app -type f | sort; cat /app/index.txt"),
                "/app/index.txt\n/app/sub/new.txt\nv2");

        deleteTree(app.resolve("sub"));
        eventually(() -> exec(container, "find /app -type f | sort"), "/app/index.txt");

        String started = project.inspect("web-1", "{{.State.StartedAt}}");
        Files.writeString(project.dir.resolve("conf/app.conf"), "x=1");
        eventually(() -> exec(container, "cat /conf/app.conf") + " "
                + !project.inspect("web-1", "{{.State.StartedAt}}").equals(started), "x=1 true");

        String before = project.containerId("web-1");
        Files.writeString(project.dir.resolve("Dockerfile"), "FROM busybox:latest\nCOPY app /app\nRUN echo rebuilt > /r\n");
        eventually(() -> project.containerId("web-1").equals(before) ? "" : exec(container, "cat /r"), "rebuilt");

        watch.signal("INT", false);
        assertThat(watch.exitWithin(60)).isEqualTo(130);
        assertThat(watch.out()).contains("Syncing \"web\" after changes were detected",
                "Rebuilding service \"web\" after changes were detected...", "service \"web\" successfully built");
        assertThat(watch.err.join()).endsWith("canceled\n").doesNotContain("Exception");
    }

    @Test
    void anAttachedUpWatchesBesideTheContainersOutput() throws Exception {
        ItProject project = projects.create(tmp, """
                services:
                  web:
                    build: .
                    command: ["sh", "-c", "while true; do echo seen-$$(cat /app/index.txt); sleep 0.3; done"]
                    stop_signal: SIGKILL
                    develop:
                      watch:
                        - path: ./app
                          action: sync
                          target: /app
                """);
        project.onClose(() -> DockerCli.run("image", "rm", "-f", project.name + "-web"));
        Path app = Files.createDirectories(project.dir.resolve("app"));
        Files.writeString(app.resolve("index.txt"), "v1");
        Files.writeString(project.dir.resolve("Dockerfile"), "FROM busybox:latest\nCOPY app /app\n");
        SignalsIT.Child up = new SignalsIT.Child(project.dir, "seen-v2", "-p", project.name, "up", "--watch");
        eventually(() -> up.out().contains("seen-v1") && up.out().contains("Watch enabled") ? "ready" : "", "ready");

        Files.writeString(app.resolve("index.txt"), "v2");

        up.awaitReady();
        up.signal("INT", false);
        assertThat(up.exitWithin(60)).isEqualTo(130);
        assertThat(up.out()).contains("Syncing \"web\" after changes were detected");
    }

    private static String exec(String container, String script) {
        DockerCli.Result r = DockerCli.run("exec", container, "sh", "-c", script);
        return r.code() == 0 ? r.out().strip() : "";
    }

    /** Polls {@code actual} until it equals {@code expected}, for 60 s at most: the watch waits for quiet first. */
    private static void eventually(Supplier<String> actual, String expected) throws InterruptedException {
        String last = null;
        for (int i = 0; i < 300; i++) {
            try {
                last = actual.get();
            } catch (AssertionError | RuntimeException e) {
                last = e.getMessage(); // the container is being recreated
            }
            if (expected.equals(last)) {
                return;
            }
            Thread.sleep(200);
        }
        assertThat(last).isEqualTo(expected);
    }

    private static void deleteTree(Path dir) throws IOException {
        try (var walk = Files.walk(dir)) {
            for (Path p : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
