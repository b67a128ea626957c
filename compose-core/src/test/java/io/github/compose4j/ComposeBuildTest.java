package io.github.compose4j;

import io.github.compose4j.build.BuildFailure;
import io.github.compose4j.build.BuildOptions;
import io.github.compose4j.build.BuildOutput;
import io.github.compose4j.build.ProjectBuilder;
import io.github.compose4j.build.RegistryConfig;
import io.github.compose4j.build.UpBuilds;
import io.github.compose4j.engine.EngineException;
import io.github.compose4j.engine.FakeEngine;
import io.github.compose4j.engine.ImageBuildSpec;
import io.github.compose4j.event.ProgressEvent;
import io.github.compose4j.event.ProgressListener;
import io.github.compose4j.execute.ExecutionOptions;
import io.github.compose4j.load.LoadOptions;
import io.github.compose4j.load.ProjectLoader;
import io.github.compose4j.load.ProjectRequest;
import io.github.compose4j.model.Project;
import io.github.compose4j.observe.Labels;
import io.github.compose4j.plan.UpOptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.BrokenBarrierException;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Builds through the facade against the in-memory engine: what is built when, with what, and what follows. */
class ComposeBuildTest {
    @TempDir
    Path dir;

    private final FakeEngine engine = new FakeEngine().withImages("busybox:latest");
    private final List<String> events = Collections.synchronizedList(new ArrayList<>());
    private final ProgressListener listener = new ProgressListener() {
        @Override
        public void event(ProgressEvent e) {
            events.add(e.id() + " " + e.statusText() + " " + e.status());
        }

        @Override
        public void warning(String message) {
            events.add("warning " + message);
        }
    };
    private final ExecutionOptions execution = ExecutionOptions.defaults();

    private Project load(String yaml, Map<String, String> env) throws IOException {
        Files.writeString(dir.resolve("compose.yaml"), yaml);
        Files.writeString(dir.resolve("Dockerfile"), "FROM busybox:latest\nCOPY . /app\n");
        Files.writeString(dir.resolve("index.html"), "v1");
        ProjectRequest request = new ProjectRequest(List.of(), Optional.of("app"), Optional.empty(), List.of(),
                List.of(), dir, env, Optional.empty(), () -> "");
        return new ProjectLoader(request, w -> { }).load(LoadOptions.DEFAULT, List.of());
    }

    private Project load(String yaml) throws IOException {
        return load(yaml, Map.of());
    }

    private static final String WEB = """
            services:
              web:
                build: .
            """;

    private Compose compose() {
        return new Compose(engine, listener, 0).withUpBuilds(UpBuilds.of(engine, BuildOutput.NONE, RegistryConfig.NONE,
                BuildOptions.defaults()));
    }

    private List<ImageBuildSpec> builds() {
        return engine.calls().stream().filter(c -> c.method().equals("buildImage"))
                .map(c -> (ImageBuildSpec) c.detail()).toList();
    }

    private String containerImage() {
        return engine.inspectContainer("app-web-1").orElseThrow().imageId();
    }

    @Test
    void upBuildsAMissingImageAndRunsTheContainerOnIt() throws IOException {
        Project p = load(WEB);

        compose().up(p, UpOptions.defaults(), execution);

        assertThat(builds()).singleElement().satisfies(s -> assertThat(s.tags()).containsExactly("app-web"));
        assertThat(containerImage()).isEqualTo(engine.inspectImage("app-web").orElseThrow().id());
    }

    @Test
    void upDoesNotBuildAnImageAlreadyPresent() throws IOException {
        Project p = load(WEB);
        compose().up(p, UpOptions.defaults(), execution);
        engine.clearCalls();

        compose().up(p, UpOptions.defaults(), execution);

        assertThat(builds()).isEmpty();
    }

    @Test
    void forcedBuildsRecreateTheContainerWhenTheImageChanged() throws IOException {
        Project p = load(WEB);
        compose().up(p, UpOptions.defaults(), execution);
        String before = engine.inspectContainer("app-web-1").orElseThrow().id();
        Files.writeString(dir.resolve("index.html"), "v2");

        compose().up(ProjectBuilder.forcingBuilds(p), UpOptions.defaults(), execution);

        assertThat(builds()).hasSize(2);
        assertThat(engine.inspectContainer("app-web-1").orElseThrow().id()).isNotEqualTo(before);
        assertThat(containerImage()).isEqualTo(engine.inspectImage("app-web").orElseThrow().id());
    }

    @Test
    void forcedBuildsKeepTheContainerWhenTheImageIsTheSame() throws IOException {
        Project p = load(WEB);
        compose().up(p, UpOptions.defaults(), execution);
        String before = engine.inspectContainer("app-web-1").orElseThrow().id();

        compose().up(ProjectBuilder.forcingBuilds(p), UpOptions.defaults(), execution);

        assertThat(builds()).hasSize(2);
        assertThat(engine.inspectContainer("app-web-1").orElseThrow().id()).isEqualTo(before);
    }

    @Test
    void noBuildBuildsNothing() throws IOException {
        Project p = load(WEB);

        assertThatThrownBy(() -> new Compose(engine, listener, 0).withUpBuilds(UpBuilds.none())
                .up(p, UpOptions.defaults(), execution)).hasMessageContaining("No such image");
        assertThat(builds()).isEmpty();
    }

    @Test
    void aFailedPullOfAnImageThatCanBeBuiltIsAWarningAndTheImageIsBuilt() throws IOException {
        engine.failPull("registry.example/web:1", new EngineException(EngineException.Kind.NOT_FOUND,
                "Error response from daemon: manifest unknown"));
        Project p = load("""
                services:
                  web:
                    image: registry.example/web:1
                    build: .
                """);

        compose().up(p, UpOptions.defaults(), execution);

        assertThat(events).contains("web manifest unknown WARNING");
        assertThat(builds()).singleElement().satisfies(s -> assertThat(s.tags()).containsExactly("registry.example/web:1"));
    }

    @Test
    void theBuildRequestCarriesTheServicesBuildSection() throws IOException {
        Project p = load("""
                services:
                  web:
                    build:
                      context: .
                      target: prod
                      tags: ["extra:1"]
                      labels: {team: a}
                      cache_from: ["app-web:cache"]
                      extra_hosts: ["db=10.0.0.2"]
                      network: host
                      shm_size: 64m
                      no_cache: true
                """);

        compose().build(p, BuildOptions.defaults(), BuildOutput.NONE, () -> "e30=");

        ImageBuildSpec s = builds().get(0);
        assertThat(s.tags()).containsExactly("extra:1", "app-web");
        assertThat(s.target()).isEqualTo("prod");
        assertThat(s.labels()).containsEntry("team", "a").containsEntry("com.docker.compose.image.builder", "classic");
        assertThat(s.cacheFrom()).containsExactly("app-web:cache");
        assertThat(s.extraHosts()).containsExactly("db:10.0.0.2");
        assertThat(s.network()).isEqualTo("host");
        assertThat(s.shmSize()).isEqualTo(64L << 20);
        assertThat(s.noCache()).isTrue();
        assertThat(s.dockerfile()).isEqualTo("Dockerfile");
        assertThat(s.registryConfig()).isEqualTo("e30=");
    }

    @Test
    void commandLineArgsWinAndArgsWithoutValueComeFromTheEnvironmentOrAreLeftToTheDockerfile() throws IOException {
        Project p = load("""
                services:
                  web:
                    build:
                      context: .
                      args:
                        A: from-file
                        B:
                        C:
                """, Map.of("B", "from-env"));

        compose().build(p, new BuildOptions(List.of(), false, Map.of("A", Optional.of("from-cli"), "D", Optional.empty()),
                false, true), BuildOutput.NONE, RegistryConfig.NONE);

        ImageBuildSpec s = builds().get(0);
        assertThat(s.buildArgs()).containsEntry("A", Optional.of("from-cli")).containsEntry("B", Optional.of("from-env"))
                .containsEntry("D", Optional.empty()).doesNotContainKey("C");
        assertThat(s.pull()).isTrue();
    }

    @Test
    void buildBuildsOnlyTheNamedServicesUnlessDependenciesAreAsked() throws IOException {
        Project p = load("""
                services:
                  web:
                    build: .
                    depends_on: [api]
                  api:
                    build: .
                  cache:
                    image: busybox:latest
                """);

        compose().build(p, new BuildOptions(List.of("web"), false, Map.of(), false, false), BuildOutput.NONE,
                RegistryConfig.NONE);
        List<String> alone = builds().stream().map(s -> s.tags().get(0)).toList();
        engine.clearCalls();
        compose().build(p, new BuildOptions(List.of("web"), true, Map.of(), false, false), BuildOutput.NONE,
                RegistryConfig.NONE);

        assertThat(alone).containsExactly("app-web");
        assertThat(builds().stream().map(s -> s.tags().get(0))).containsExactly("app-api", "app-web");
    }

    private static final String INDEPENDENT = """
            services:
              one:
                build: .
              two:
                build: .
            """;

    @Test
    void independentBuildsRunAtOnce() throws IOException {
        CyclicBarrier bothStarted = new CyclicBarrier(2);
        engine.aroundBuilds(tag -> await(bothStarted), tag -> { });

        compose().build(load(INDEPENDENT), BuildOptions.defaults(), BuildOutput.NONE, RegistryConfig.NONE);

        assertThat(engine.inspectImage("app-one")).isPresent();
        assertThat(engine.inspectImage("app-two")).isPresent();
    }

    @Test
    void theParallelLimitBoundsTheBuildsAtOnce() throws IOException {
        AtomicInteger active = new AtomicInteger();
        AtomicInteger most = new AtomicInteger();
        engine.aroundBuilds(tag -> {
            most.accumulateAndGet(active.incrementAndGet(), Math::max);
            sleep(100); // room for a second build to start if the limit let it
        }, tag -> active.decrementAndGet());

        new Compose(engine, listener, 1).build(load(INDEPENDENT), BuildOptions.defaults(), BuildOutput.NONE,
                RegistryConfig.NONE);

        assertThat(most).hasValue(1);
        assertThat(engine.inspectImage("app-two")).isPresent();
    }

    @Test
    void aBuildStartsOnceTheBuildsItDependsOnAreDoneEvenThroughServicesNotBuilt() throws IOException {
        Project p = load("""
                services:
                  base:
                    build: .
                  direct:
                    build: .
                    depends_on: [base]
                  cache:
                    image: busybox:latest
                    depends_on: [base]
                  indirect:
                    build: .
                    depends_on: [cache]
                """);
        List<String> missingAtStart = Collections.synchronizedList(new ArrayList<>());
        engine.aroundBuilds(tag -> {
            if (tag.equals("app-base")) {
                sleep(100); // the others would start meanwhile if they did not wait
            } else if (engine.inspectImage("app-base").isEmpty()) {
                missingAtStart.add(tag);
            }
        }, tag -> { });

        Map<String, String> built = compose().build(p, BuildOptions.defaults(), BuildOutput.NONE, RegistryConfig.NONE);

        assertThat(missingAtStart).isEmpty();
        assertThat(built.keySet()).containsExactly("app-base", "app-direct", "app-indirect");
    }

    @Test
    void aFailedBuildStopsTheBuildsThatDependOnIt() throws IOException {
        engine.failBuild("app-base", "The command '/bin/sh -c exit 3' returned a non-zero code: 3", 3);
        Project p = load("""
                services:
                  base:
                    build: .
                  direct:
                    build: .
                    depends_on: [base]
                """);

        assertThatThrownBy(() -> compose().build(p, BuildOptions.defaults(), BuildOutput.NONE, RegistryConfig.NONE))
                .isInstanceOf(BuildFailure.class);
        assertThat(builds().stream().map(s -> s.tags().get(0))).containsExactly("app-base");
    }

    private static void await(CyclicBarrier barrier) {
        try {
            barrier.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException | BrokenBarrierException | TimeoutException e) {
            throw new AssertionError("the other build never started beside this one", e);
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Test
    void aFailedBuildEndsWithTheBuildersMessageAndCode() throws IOException {
        engine.failBuild("app-web", "The command '/bin/sh -c exit 3' returned a non-zero code: 3", 3);
        Project p = load(WEB);

        assertThatThrownBy(() -> compose().build(p, BuildOptions.defaults(), BuildOutput.NONE, RegistryConfig.NONE))
                .isInstanceOfSatisfying(BuildFailure.class, e -> assertThat(e.exitCode()).isEqualTo(3))
                .hasMessage("The command '/bin/sh -c exit 3' returned a non-zero code: 3");
    }

    @Test
    void theContextReachesTheEngineWithoutIgnoredFiles() throws IOException {
        Project p = load(WEB);
        Files.writeString(dir.resolve(".dockerignore"), "*.html\n");

        compose().build(p, BuildOptions.defaults(), BuildOutput.NONE, RegistryConfig.NONE);

        assertThat(io.github.compose4j.engine.TestTar.read(engine.buildContext("app-web")).keySet())
                .containsExactly(".dockerignore", "Dockerfile", "compose.yaml");
    }

    @Test
    void theContainerIsLabelledWithTheBuiltImageId() throws IOException {
        compose().up(load(WEB), UpOptions.defaults(), execution);

        assertThat(engine.inspectContainer("app-web-1").orElseThrow().labels().get(Labels.IMAGE))
                .isEqualTo(engine.inspectImage("app-web").orElseThrow().id());
    }
}
