package io.github.compose4j.cli;

import io.github.compose4j.testing.RequiresDocker;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * When {@code up} replaces a container and when it keeps it, rule by rule, as Docker Compose 2.26's
 * convergence decides: observed on the daemon through container ids.
 */
@RequiresDocker
@Timeout(300)
class RecreateIT {
    @TempDir
    Path tmp;
    ItProject project;

    @RegisterExtension
    final ItProjects projects = new ItProjects();

    /** db, web depending on db, and other depending on nothing; {@code %s} is db's ROLE. */
    private static String app(String dbRole) {
        return """
                services:
                  db:
                    image: busybox:latest
                    command: ["sleep", "3600"]
                    stop_signal: SIGKILL
                    environment:
                      ROLE: %s
                  web:
                    image: busybox:latest
                    command: ["sleep", "3600"]
                    stop_signal: SIGKILL
                    depends_on: [db]
                  other:
                    image: busybox:latest
                    command: ["sleep", "3600"]
                    stop_signal: SIGKILL
                """.formatted(dbRole);
    }

    private Map<String, String> upWith(String yaml) {
        project = projects.create(tmp, yaml);
        project.composeOk("up", "-d");
        return project.containers();
    }

    @Test
    void unchangedProjectRecreatesNothing() {
        Map<String, String> before = upWith(app("primary"));

        ItProject.Run up = project.composeOk("up", "-d");

        assertThat(project.containers()).hasSize(3).isEqualTo(before);
        assertThat(up.err()).doesNotContain("Recreate");
    }

    @Test
    void changedConfigurationRecreatesTheContainer() {
        Map<String, String> before = upWith(app("primary"));
        String other = project.name + "-other-1";
        project.write(app("replica"));

        project.composeOk("up", "-d");

        assertThat(project.containerId("db-1")).isNotEqualTo(before.get(project.name + "-db-1"));
        assertThat(project.inspect("db-1", "{{json .Config.Env}}")).contains("\"ROLE=replica\"");
        assertThat(project.containers().get(other)).isEqualTo(before.get(other));
    }

    @Test
    void changedImageRecreatesTheContainer() {
        String tag = ItProject.uniqueName("c4jit-img") + ":latest";
        String first = build(tag, "1");
        project = projects.create(tmp, """
                services:
                  app:
                    image: %s
                    command: ["sleep", "3600"]
                    stop_signal: SIGKILL
                """.formatted(tag));
        project.onClose(() -> DockerCli.run("rmi", "-f", tag, first));
        project.composeOk("up", "-d");
        String before = project.containerId("app-1");
        String second = build(tag, "2");
        project.onClose(() -> DockerCli.run("rmi", "-f", second));

        project.composeOk("up", "-d");

        assertThat(second).isNotEqualTo(first);
        assertThat(project.containerId("app-1")).isNotEqualTo(before);
        assertThat(project.inspect("app-1", "{{.Image}}")).isEqualTo(second);
    }

    @Test
    void pullThatBringsTheSameImageRecreatesNothing() {
        // The loopback registry of the test machine serves this image (see .ci/run).
        Map<String, String> before = upWith("""
                services:
                  app:
                    image: 127.0.0.1:5000/busybox:latest
                    pull_policy: always
                    command: ["sleep", "3600"]
                    stop_signal: SIGKILL
                """);

        ItProject.Run up = project.composeOk("up", "-d");

        assertThat(up.err()).contains("Pulled");
        assertThat(project.containers()).hasSize(1).isEqualTo(before);
    }

    /** Builds busybox with one label under {@code tag} (a new image id for each value) and returns its id. */
    private static String build(String tag, String value) {
        DockerCli.Result r = DockerCli.runIn(null, "FROM busybox:latest\nLABEL c4jit.value=" + value + "\n",
                "build", "-q", "-t", tag, "-");
        assertThat(r.code()).as("docker build: %s", r.err()).isZero();
        return DockerCli.ok("image", "inspect", "--format", "{{.Id}}", tag);
    }

    @Test
    void forceRecreateReplacesUnchangedContainers() {
        Map<String, String> before = upWith(app("primary"));

        project.composeOk("up", "-d", "--force-recreate");

        Map<String, String> after = project.containers();
        assertThat(after).hasSize(3).containsOnlyKeys(before.keySet());
        before.forEach((name, id) -> assertThat(after.get(name)).as(name).isNotEqualTo(id));
    }

    @Test
    void noRecreateKeepsChangedContainers() {
        Map<String, String> before = upWith(app("primary"));
        project.write(app("replica"));

        project.composeOk("up", "-d", "--no-recreate");

        assertThat(project.containers()).isEqualTo(before);
        assertThat(project.inspect("db-1", "{{json .Config.Env}}")).contains("\"ROLE=primary\"");
    }

    @Test
    void recreatedDependencyRecreatesItsDependents() {
        Map<String, String> before = upWith(app("primary"));
        project.write(app("replica"));

        project.composeOk("up", "-d");

        Map<String, String> after = project.containers();
        String db = project.name + "-db-1";
        String web = project.name + "-web-1";
        String other = project.name + "-other-1";
        assertThat(after.get(db)).isNotEqualTo(before.get(db));
        assertThat(after.get(web)).as("web depends on db").isNotEqualTo(before.get(web));
        assertThat(after.get(other)).as("other depends on nothing").isEqualTo(before.get(other));
    }

    @Test
    void alwaysRecreateDepsReplacesTheNamedServicesDependencies() {
        Map<String, String> before = upWith(app("primary"));

        project.composeOk("up", "-d", "--always-recreate-deps", "web");

        Map<String, String> after = project.containers();
        String db = project.name + "-db-1";
        String web = project.name + "-web-1";
        String other = project.name + "-other-1";
        assertThat(after.get(db)).as("dependency of web").isNotEqualTo(before.get(db));
        // Compose 2.26 also replaces what depends on a replaced container, web included.
        assertThat(after.get(web)).isNotEqualTo(before.get(web));
        assertThat(after.get(other)).as("not selected").isEqualTo(before.get(other));
    }

    @Test
    void scaleUpTakesTheNextNumberAfterTheHighest() {
        upWith(app("primary"));
        project.composeOk("up", "-d", "--scale", "web=3");
        DockerCli.ok("rm", "-f", project.name + "-web-2");

        project.composeOk("up", "-d", "--scale", "web=3");

        assertThat(webReplicas()).containsExactly("web-1", "web-3", "web-4");
    }

    @Test
    void scaleDownRemovesTheHighestNumbers() {
        upWith(app("primary"));
        project.composeOk("up", "-d", "--scale", "web=3");
        Map<String, String> before = project.containers();

        project.composeOk("up", "-d", "--scale", "web=1");

        assertThat(webReplicas()).containsExactly("web-1");
        String web1 = project.name + "-web-1";
        assertThat(project.containers().get(web1)).isEqualTo(before.get(web1));
    }

    private java.util.List<String> webReplicas() {
        return project.containers().keySet().stream().map(n -> n.substring(project.name.length() + 1))
                .filter(n -> n.startsWith("web-")).sorted().toList();
    }

    @Test
    void orphansAreWarnedAboutAndKept() {
        upWith(app("primary"));
        project.write(app("primary").replaceAll("(?s)  other:.*", ""));

        ItProject.Run up = project.composeOk("up", "-d");

        String orphan = project.name + "-other-1";
        assertThat(up.err()).contains("Found orphan containers ([" + orphan + "]) for this project. "
                + "If you removed or renamed this service in your compose file, you can run this command with the "
                + "--remove-orphans flag to clean it up.");
        assertThat(project.containers()).containsKey(orphan);
    }

    @Test
    void removeOrphansRemovesThem() {
        Map<String, String> before = upWith(app("primary"));
        project.write(app("primary").replaceAll("(?s)  other:.*", ""));

        ItProject.Run up = project.composeOk("up", "-d", "--remove-orphans");

        assertThat(up.err()).doesNotContain("orphan");
        Map<String, String> after = project.containers();
        assertThat(after).doesNotContainKey(project.name + "-other-1");
        assertThat(after).hasSize(2);
        after.forEach((name, id) -> assertThat(id).as(name).isEqualTo(before.get(name)));
    }
}
