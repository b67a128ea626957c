package io.github.compose4j.execute;

import io.github.compose4j.engine.EngineException;
import io.github.compose4j.engine.FakeEngine;
import io.github.compose4j.error.ComposeException;
import io.github.compose4j.event.ProgressEvent;
import io.github.compose4j.event.ProgressListener;
import io.github.compose4j.model.Project;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** {@code compose pull}'s policy decisions, {@code compose push}'s choice of services, {@code down --rmi}'s images. */
class ProjectImagesTest {
    @TempDir
    Path dir;
    final List<String> events = new CopyOnWriteArrayList<>();
    final List<String> tail = new CopyOnWriteArrayList<>();
    final ProgressListener listener = new ProgressListener() {
        @Override
        public void event(ProgressEvent e) {
            if (e.parentId().isEmpty()) {
                events.add(e.id() + " " + e.text() + (e.statusText().isEmpty() ? "" : " " + e.statusText()));
            }
        }

        @Override
        public void warning(String message) {
        }

        @Override
        public void tailMessage(String message) {
            tail.add(message);
        }
    };

    private Project project(String services) {
        return TestProjects.load(dir, "imgs", "services:\n" + services);
    }

    private List<String> pulls(FakeEngine engine) {
        return engine.calls().stream().filter(c -> c.method().equals("pullImage")).map(c -> c.target()).sorted().toList();
    }

    private void pull(FakeEngine engine, Project p, PullOptions options) {
        new ProjectPull(engine, listener, 0).pull(p, options);
    }

    @Test
    void pullSkipsServicesWithoutImageAndThoseOfPolicyNeverOrBuild() {
        FakeEngine engine = new FakeEngine();
        pull(engine, project("""
                  built: {build: .}
                  never: {image: reg/a:1, pull_policy: never}
                  build: {image: reg/b:1, pull_policy: build, build: .}
                  always: {image: reg/c:1, pull_policy: always}
                """), new PullOptions(false, false, false));

        assertThat(pulls(engine)).containsExactly("reg/c:1");
        assertThat(events).contains("built Skipped - No image to be pulled", "never Skipped", "build Skipped");
    }

    @Test
    void policyMissingSkipsAPresentTaggedImageButNotLatest() {
        FakeEngine engine = new FakeEngine().withImages("reg/a:1", "reg/b:latest");
        pull(engine, project("""
                  a: {image: reg/a:1, pull_policy: missing}
                  b: {image: reg/b, pull_policy: missing}
                  c: {image: reg/c:1, pull_policy: missing}
                """), new PullOptions(false, false, false));

        assertThat(pulls(engine)).containsExactly("reg/b", "reg/c:1");
        assertThat(events).contains("a Skipped - Image is already present locally");
    }

    @Test
    void pullWithoutPolicyPullsPresentImages() {
        FakeEngine engine = new FakeEngine().withImages("reg/a:1");
        pull(engine, project("  a: {image: reg/a:1}\n"), new PullOptions(false, false, false));

        assertThat(pulls(engine)).containsExactly("reg/a:1");
        assertThat(events).containsExactly("a Pulling", "a Pulled");
    }

    @Test
    void anImageIsPulledOnceForSeveralServices() {
        FakeEngine engine = new FakeEngine();
        pull(engine, project("""
                  a: {image: reg/x:1}
                  b: {image: reg/x:1}
                """), new PullOptions(false, false, false));

        assertThat(pulls(engine)).containsExactly("reg/x:1");
        assertThat(events).contains("b Skipped - Image is already being pulled by a");
    }

    @Test
    void buildableServicesAreSkippedWhenAsked() {
        FakeEngine engine = new FakeEngine();
        pull(engine, project("  a: {image: reg/x:1, build: .}\n"), new PullOptions(false, true, false));

        assertThat(pulls(engine)).isEmpty();
        assertThat(events).containsExactly("a Skipped - Image can be built");
    }

    @Test
    void aFailedPullFailsWithThePullExitCode() {
        FakeEngine engine = new FakeEngine().failPull("reg/x:1",
                new EngineException(EngineException.Kind.NOT_FOUND, "Error response from daemon: manifest unknown"));

        assertThatThrownBy(() -> pull(engine, project("  a: {image: reg/x:1}\n"), new PullOptions(false, false, false)))
                .isInstanceOfSatisfying(ComposeException.class, e -> assertThat(e.exitCode()).isEqualTo(18))
                .hasMessage("Error response from daemon: manifest unknown");
        assertThat(events).containsExactly("a Pulling", "a Error manifest unknown");
    }

    @Test
    void failuresAreIgnoredWhenAsked() {
        FakeEngine engine = new FakeEngine().failPull("reg/x:1",
                new EngineException(EngineException.Kind.NOT_FOUND, "manifest unknown"));

        pull(engine, project("""
                  a: {image: reg/x:1}
                  b: {image: reg/y:1}
                """), new PullOptions(true, false, false));

        assertThat(events).contains("a Error manifest unknown", "b Pulled");
    }

    @Test
    void aBuildableServiceThatFailsToPullIsAWarningATailMessageAndStillAFailure() {
        FakeEngine engine = new FakeEngine().failPull("reg/x:1",
                new EngineException(EngineException.Kind.NOT_FOUND, "manifest unknown"));

        assertThatThrownBy(() -> pull(engine, project("  a: {image: reg/x:1, build: .}\n"),
                new PullOptions(false, false, false))).isInstanceOf(ComposeException.class);

        assertThat(events).contains("a Warning manifest unknown");
        assertThat(tail).containsExactly("WARNING: Some service image(s) must be built from source by running:\n"
                + "    docker compose build a");
    }

    @Test
    void pullUsesTheProjectsDefaultPlatform() {
        FakeEngine engine = new FakeEngine();
        Project p = TestProjects.load(dir, "imgs", "services:\n  a: {image: reg/x:1}\n",
                Map.of("DOCKER_DEFAULT_PLATFORM", "linux/arm64"));

        pull(engine, p, new PullOptions(false, false, false));

        assertThat(engine.calls()).filteredOn(c -> c.method().equals("pullImage"))
                .extracting(c -> c.detail()).containsExactly("linux/arm64");
    }

    @Test
    void pushTakesOnlyBuiltServicesWithAnImageAndTheirTags() {
        FakeEngine engine = new FakeEngine().withImages("reg/app:1", "reg/app:extra", "reg/plain:1");
        new ProjectPush(engine, listener, 0).push(project("""
                  app: {image: reg/app:1, build: {context: ., tags: ["reg/app:extra"]}}
                  plain: {image: reg/plain:1}
                  noname: {build: .}
                """), new PushOptions(false, false));

        assertThat(engine.pushedImages()).containsExactlyInAnyOrder("reg/app:1", "reg/app:extra");
        assertThat(events).contains("plain Skipped", "noname Skipped");
    }

    @Test
    void pushFailuresBecomeTailMessagesWhenIgnored() {
        FakeEngine engine = new FakeEngine();
        new ProjectPush(engine, listener, 0).push(project("  app: {image: reg/app:1, build: .}\n"),
                new PushOptions(true, false));

        assertThat(tail).containsExactly("Pushing app: An image does not exist locally with the tag: reg/app");
    }

    @Test
    void pushFailureFailsWithTheGeneralExitCode() {
        FakeEngine engine = new FakeEngine();
        assertThatThrownBy(() -> new ProjectPush(engine, listener, 0)
                .push(project("  app: {image: reg/app:1, build: .}\n"), new PushOptions(false, false)))
                .isInstanceOfSatisfying(ComposeException.class, e -> assertThat(e.exitCode()).isEqualTo(1));
    }

    @Test
    void rmiLocalTakesLabelledImagesOfTheProjectAndDefaultNamedOnes() {
        Project p = project("""
                  built: {build: .}
                  named: {image: reg/named:1, build: .}
                  pulled: {image: busybox}
                """);
        FakeEngine engine = new FakeEngine().withImages("imgs-built", "busybox")
                .withLabeledImage("reg/named:1", Map.of("com.docker.compose.project", "imgs",
                        "com.docker.compose.service", "named"))
                .withLabeledImage("reg/gone:1", Map.of("com.docker.compose.project", "imgs",
                        "com.docker.compose.service", "gone"));

        assertThat(ImagesToRemove.of(engine, p, "local", false)).containsExactly("imgs-built:latest", "reg/named:1");
        assertThat(ImagesToRemove.of(engine, p, "local", true))
                .containsExactly("imgs-built:latest", "reg/gone:1", "reg/named:1");
    }

    @Test
    void rmiAllAlsoTakesEveryPresentImageAServiceNames() {
        Project p = project("""
                  pulled: {image: docker.io/library/busybox}
                  absent: {image: reg/absent:1}
                """);
        FakeEngine engine = new FakeEngine().withImages("busybox");

        assertThat(ImagesToRemove.of(engine, p, "all", false)).containsExactly("busybox:latest");
        assertThat(ImagesToRemove.of(engine, p, "", false)).isEmpty();
    }
}
