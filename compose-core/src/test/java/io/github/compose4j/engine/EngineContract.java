package io.github.compose4j.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * What every {@link Engine} does, checked against the in-memory fake and against the real daemon alike, so that
 * the fake the executor tests rely on cannot drift from the daemon. Everything a test creates carries
 * {@link #TEST_LABEL} with a value unique to the run, and is removed after each test.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class EngineContract {
    public static final String TEST_LABEL = "io.github.compose4j.test";
    protected static final String IMAGE = "busybox:latest";
    /** Served by the test registry (the fake is told it can pull it). */
    protected static final String PULLABLE = "127.0.0.1:5000/busybox:latest";
    /** Not in the test registry (the fake is told to fail its pull). */
    protected static final String MISSING = "127.0.0.1:5000/compose4j-missing:latest";
    private static final List<String> SLEEP = List.of("sleep", "300");

    protected final String run = HexFormat.of().formatHex(new SecureRandom().generateSeed(5));
    protected final Map<String, String> mine = Map.of(TEST_LABEL, run);
    private Engine engine;
    private int serial;

    /** The engine under test; closed after the class. */
    protected abstract Engine openEngine();

    /** A file of a container as the engine has it (after {@link Engine#copyToContainer}). */
    protected abstract byte[] readFile(String containerId, String path);

    @BeforeAll
    void open() {
        engine = openEngine();
    }

    @AfterEach
    void removeWhatTheTestMade() {
        for (ContainerSummary c : engine.listContainers(mine, true)) {
            engine.removeContainer(c.id(), true, true);
        }
        for (NetworkSummary n : engine.listNetworks(mine)) {
            engine.removeNetwork(n.id());
        }
        for (VolumeSummary v : engine.listVolumes(mine)) {
            engine.removeVolume(v.name(), true);
        }
    }

    @AfterAll
    void closeEngine() {
        if (engine != null) {
            engine.close();
        }
    }

    protected Engine engine() {
        return engine;
    }

    private String name(String what) {
        return "c4j-" + run + "-" + what + "-" + (++serial);
    }

    private Map<String, String> labels(String key, String value) {
        Map<String, String> labels = new HashMap<>(mine);
        labels.put(key, value);
        return labels;
    }

    private String create(String name) {
        return engine.createContainer(TestSpecs.container(name, IMAGE, mine, SLEEP));
    }

    private static EngineException.Kind kindOf(Runnable call) {
        try {
            call.run();
        } catch (EngineException e) {
            return e.kind();
        }
        throw new AssertionError("expected an EngineException");
    }

    // Containers

    @Test
    void aCreatedContainerHasAFullIdAndIsListedByItsLabelsWhenAllAreAsked() {
        String name = name("web");
        String id = engine.createContainer(TestSpecs.container(name, IMAGE, labels("role", "web"), SLEEP));

        assertThat(id).matches("[0-9a-f]{64}");
        assertThat(engine.listContainers(labels("role", "web"), true)).singleElement().satisfies(c -> {
            assertThat(c.id()).isEqualTo(id);
            assertThat(c.name()).isEqualTo(name);
            assertThat(c.image()).isEqualTo(IMAGE);
            assertThat(c.label("role")).isEqualTo("web");
            assertThat(c.state()).isEqualTo("created");
        });
        assertThat(engine.listContainers(labels("role", "web"), false)).isEmpty();
    }

    @Test
    void labelFiltersMatchWholeValuesOnly() {
        String web = engine.createContainer(TestSpecs.container(name("a"), IMAGE, labels("role", "web"), SLEEP));
        engine.createContainer(TestSpecs.container(name("b"), IMAGE, labels("role", "webserver"), SLEEP));

        assertThat(engine.listContainers(labels("role", "web"), true)).extracting(ContainerSummary::id)
            .containsExactly(web);
        assertThat(engine.listContainers(labels("role", "we"), true)).isEmpty();
    }

    @Test
    void aContainerIsInspectedByNameOrId() {
        String name = name("inspect");
        String id = create(name);

        ContainerDetails byName = engine.inspectContainer(name).orElseThrow();
        assertThat(byName.id()).isEqualTo(id);
        assertThat(byName.name()).isEqualTo(name);
        assertThat(byName.image()).isEqualTo(IMAGE);
        assertThat(byName.imageId()).startsWith("sha256:");
        assertThat(byName.labels()).containsEntry(TEST_LABEL, run);
        assertThat(byName.status()).isEqualTo("created");
        assertThat(byName.running()).isFalse();
        assertThat(engine.inspectContainer(id)).map(ContainerDetails::name).contains(name);
    }

    @Test
    void aMissingContainerIsAbsentOrNotFound() {
        String missing = name("missing");
        assertThat(engine.inspectContainer(missing)).isEmpty();
        assertThat(kindOf(() -> engine.startContainer(missing))).isEqualTo(EngineException.Kind.NOT_FOUND);
        assertThat(kindOf(() -> engine.removeContainer(missing, true, false)))
            .isEqualTo(EngineException.Kind.NOT_FOUND);
    }

    @Test
    void startedContainersRunAndStoppedOnesHaveExited() {
        String id = create(name("life"));

        engine.startContainer(id);
        assertThat(engine.inspectContainer(id).orElseThrow().running()).isTrue();
        assertThat(engine.listContainers(mine, false)).extracting(ContainerSummary::id).containsExactly(id);

        engine.stopContainer(id, OptionalInt.of(0));
        ContainerDetails stopped = engine.inspectContainer(id).orElseThrow();
        assertThat(stopped.running()).isFalse();
        assertThat(stopped.status()).isEqualTo("exited");
        assertThat(engine.listContainers(mine, true)).singleElement()
            .satisfies(c -> assertThat(c.state()).isEqualTo("exited"));
    }

    @Test
    void startingARunningContainerOrStoppingAStoppedOneIsNoError() {
        String id = create(name("again"));
        engine.startContainer(id);

        assertThatCode(() -> engine.startContainer(id)).doesNotThrowAnyException();
        engine.stopContainer(id, OptionalInt.of(0));
        assertThatCode(() -> engine.stopContainer(id, OptionalInt.empty())).doesNotThrowAnyException();
    }

    @Test
    void killEndsARunningContainerWithTheSignalsStatus() {
        String id = create(name("kill"));
        engine.startContainer(id);

        engine.killContainer(id, "KILL");

        ContainerDetails killed = engine.inspectContainer(id).orElseThrow();
        assertThat(killed.running()).isFalse();
        assertThat(killed.exitCode()).isEqualTo(137);
    }

    @Test
    void killingAContainerThatDoesNotRunIsAConflict() {
        String id = create(name("idle"));
        assertThat(kindOf(() -> engine.killContainer(id, "KILL"))).isEqualTo(EngineException.Kind.CONFLICT);
    }

    @Test
    void aNameInUseIsAConflict() {
        String name = name("twice");
        create(name);

        assertThatThrownBy(() -> create(name)).isInstanceOfSatisfying(EngineException.class,
            e -> assertThat(e.kind()).isEqualTo(EngineException.Kind.CONFLICT));
    }

    @Test
    void renameGivesTheContainerItsNewName() {
        String before = name("before");
        String after = name("after");
        String id = create(before);

        engine.renameContainer(id, after);

        assertThat(engine.inspectContainer(after)).map(ContainerDetails::id).contains(id);
        assertThat(engine.inspectContainer(before)).isEmpty();
    }

    @Test
    void renamingToATakenNameIsAConflict() {
        String taken = name("taken");
        create(taken);
        String id = create(name("other"));

        assertThat(kindOf(() -> engine.renameContainer(id, taken))).isEqualTo(EngineException.Kind.CONFLICT);
    }

    @Test
    void aRunningContainerIsOnlyRemovedByForce() {
        String id = create(name("running"));
        engine.startContainer(id);

        assertThat(kindOf(() -> engine.removeContainer(id, false, false))).isEqualTo(EngineException.Kind.CONFLICT);
        engine.removeContainer(id, true, false);
        assertThat(engine.inspectContainer(id)).isEmpty();
    }

    @Test
    void removingWithVolumesRemovesTheAnonymousOnes() {
        ContainerSpec base = TestSpecs.container(name("anon"), IMAGE, mine, SLEEP);
        ContainerSpec.Mount anonymous = new ContainerSpec.Mount("volume", "", "/data", false, "", Optional.empty(),
            Optional.empty(), Optional.empty());
        ContainerSpec.Host host = base.host();
        ContainerSpec spec = new ContainerSpec(base.name(), "", base.config(), withMounts(host, List.of(anonymous)),
            Map.of());
        String id = engine.createContainer(spec);
        ContainerDetails.MountState mount = engine.inspectContainer(id).orElseThrow().mounts().stream()
            .filter(m -> m.destination().equals("/data")).findFirst().orElseThrow();
        assertThat(mount.type()).isEqualTo("volume");
        String volume = mount.name();
        assertThat(engine.inspectVolume(volume)).isPresent();

        engine.removeContainer(id, false, true);

        assertThat(engine.inspectVolume(volume)).isEmpty();
    }

    @Test
    void creatingFromAnAbsentImageIsNotFound() {
        ContainerSpec spec = TestSpecs.container(name("noimage"), MISSING, mine, SLEEP);
        assertThat(kindOf(() -> engine.createContainer(spec))).isEqualTo(EngineException.Kind.NOT_FOUND);
    }

    @Test
    void copiedFilesArriveInTheContainer() {
        String id = create(name("copy"));
        byte[] archive = TestTar.of(Map.of("hello.txt", "hi there\n".getBytes(StandardCharsets.UTF_8)));

        engine.copyToContainer(id, "/tmp", archive, false);

        assertThat(new String(readFile(id, "/tmp/hello.txt"), StandardCharsets.UTF_8)).isEqualTo("hi there\n");
    }

    @Test
    void copyingIntoAMissingContainerIsNotFound() {
        byte[] archive = TestTar.of(Map.of("x", new byte[] {1}));
        assertThat(kindOf(() -> engine.copyToContainer(name("nobody"), "/tmp", archive, false)))
            .isEqualTo(EngineException.Kind.NOT_FOUND);
    }

    // Networks

    @Test
    void aNetworkIsFoundByItsExactNameOrFullIdOnly() {
        String name = name("net");
        int third = 1 + new SecureRandom().nextInt(250);
        IpamPoolSpec pool = new IpamPoolSpec("10.231." + third + ".0/24", "", "10.231." + third + ".1",
            Map.of("reserved", "10.231." + third + ".9"));
        String id = engine.createNetwork(TestSpecs.network(name, labels("role", "front"), List.of(pool)));

        NetworkSummary byName = engine.inspectNetwork(name).orElseThrow();
        assertThat(byName.id()).isEqualTo(id);
        assertThat(byName.name()).isEqualTo(name);
        assertThat(byName.driver()).isEqualTo("bridge");
        assertThat(byName.labels()).containsEntry("role", "front");
        assertThat(byName.ipamPools()).containsExactly(pool);
        assertThat(engine.inspectNetwork(id)).map(NetworkSummary::name).contains(name);
        assertThat(engine.inspectNetwork(id.substring(0, 12))).isEmpty();
        assertThat(engine.inspectNetwork(name.substring(0, name.length() - 1))).isEmpty();
        assertThat(engine.listNetworks(labels("role", "front"))).extracting(NetworkSummary::id).containsExactly(id);
    }

    @Test
    void aSecondNetworkOfTheSameNameIsAConflict() {
        String name = name("dup");
        engine.createNetwork(TestSpecs.network(name, mine));

        assertThat(kindOf(() -> engine.createNetwork(TestSpecs.network(name, mine))))
            .isEqualTo(EngineException.Kind.CONFLICT);
    }

    @Test
    void aRemovedNetworkIsGone() {
        String name = name("gone");
        String id = engine.createNetwork(TestSpecs.network(name, mine));

        engine.removeNetwork(id);

        assertThat(engine.inspectNetwork(name)).isEmpty();
        assertThat(kindOf(() -> engine.removeNetwork(id))).isEqualTo(EngineException.Kind.NOT_FOUND);
    }

    @Test
    void aContainerJoinsSeveralNetworksAtCreationAndMoreByConnecting() {
        String front = name("front");
        String back = name("back");
        String extra = name("extra");
        for (String n : List.of(front, back, extra)) {
            engine.createNetwork(TestSpecs.network(n, mine));
        }
        ContainerSpec spec = TestSpecs.container(name("joined"), IMAGE, mine, SLEEP, front,
            Map.of(front, TestSpecs.endpoint("web"), back, TestSpecs.endpoint("web-back")));

        String id = engine.createContainer(spec);
        ContainerDetails created = engine.inspectContainer(id).orElseThrow();
        assertThat(created.networks()).containsOnlyKeys(front, back);
        assertThat(created.networks().get(front).aliases()).contains("web");
        assertThat(created.networks().get(back).aliases()).contains("web-back");
        assertThat(created.networkMode()).isEqualTo(front);

        engine.connectNetwork(extra, id, TestSpecs.endpoint("late"));
        assertThat(engine.inspectContainer(id).orElseThrow().networks()).containsOnlyKeys(front, back, extra);
    }

    @Test
    void connectingARunningContainerToAMissingNetworkIsNotFound() {
        // (Engine 20.10 accepts it for a container that is not running, and fails at start.)
        String id = create(name("lonely"));
        engine.startContainer(id);
        assertThat(kindOf(() -> engine.connectNetwork(name("nonet"), id, TestSpecs.endpoint())))
            .isEqualTo(EngineException.Kind.NOT_FOUND);
    }

    // Volumes

    @Test
    void aVolumeIsListedByItsLabelsInspectedAndRemoved() {
        String name = name("data");
        engine.createVolume(TestSpecs.volume(name, labels("role", "db")));

        VolumeSummary volume = engine.inspectVolume(name).orElseThrow();
        assertThat(volume.driver()).isEqualTo("local");
        assertThat(volume.labels()).containsEntry("role", "db");
        assertThat(engine.listVolumes(labels("role", "db"))).extracting(VolumeSummary::name).containsExactly(name);

        engine.removeVolume(name, false);
        assertThat(engine.inspectVolume(name)).isEmpty();
    }

    @Test
    void creatingAnExistingVolumeKeepsItAsItWas() {
        String name = name("kept");
        engine.createVolume(TestSpecs.volume(name, labels("round", "1")));

        engine.createVolume(TestSpecs.volume(name, labels("round", "2")));

        assertThat(engine.inspectVolume(name).orElseThrow().labels()).containsEntry("round", "1");
    }

    @Test
    void aVolumeInUseIsNotRemoved() {
        String name = name("busy");
        engine.createVolume(TestSpecs.volume(name, mine));
        ContainerSpec base = TestSpecs.container(name("user"), IMAGE, mine, SLEEP);
        ContainerSpec.Mount mount = new ContainerSpec.Mount("volume", name, "/data", false, "", Optional.empty(),
            Optional.empty(), Optional.empty());
        engine.createContainer(new ContainerSpec(base.name(), "", base.config(),
            withMounts(base.host(), List.of(mount)), Map.of()));

        assertThat(kindOf(() -> engine.removeVolume(name, false))).isEqualTo(EngineException.Kind.CONFLICT);
    }

    @Test
    void removingAnAbsentVolumeIsNotFoundUnlessForced() {
        String name = name("novolume");
        assertThat(kindOf(() -> engine.removeVolume(name, false))).isEqualTo(EngineException.Kind.NOT_FOUND);
        assertThatCode(() -> engine.removeVolume(name, true)).doesNotThrowAnyException();
    }

    // Images

    @Test
    void aPresentImageIsInspectedAndAnAbsentOneIsEmpty() {
        ImageSummary image = engine.inspectImage(IMAGE).orElseThrow();
        assertThat(image.id()).startsWith("sha256:");
        assertThat(image.repoTags()).contains(IMAGE);
        assertThat(engine.inspectImage(MISSING)).isEmpty();
    }

    @Test
    void pullBringsTheImageAndReportsProgress() {
        if (engine.inspectImage(PULLABLE).isPresent()) {
            engine.removeImage(PULLABLE, false);
        }
        assertThat(engine.inspectImage(PULLABLE)).isEmpty();
        List<PullProgress> progress = new ArrayList<>();

        engine.pullImage(PULLABLE, Optional.empty(), progress::add);

        assertThat(engine.inspectImage(PULLABLE)).isPresent();
        assertThat(progress).isNotEmpty();
    }

    @Test
    void pullingAnImageTheRegistryLacksFails() {
        assertThatThrownBy(() -> engine.pullImage(MISSING, Optional.empty(), p -> { }))
            .isInstanceOf(EngineException.class);
        assertThat(engine.inspectImage(MISSING)).isEmpty();
    }

    @Test
    void removingAnAbsentImageIsNotFound() {
        assertThat(kindOf(() -> engine.removeImage(MISSING, false))).isEqualTo(EngineException.Kind.NOT_FOUND);
    }

    // Lifecycle

    @Test
    void aPausedContainerIsStillListedAsUpAndResumesWhenUnpaused() {
        String id = create(name("pause"));
        engine.startContainer(id);

        engine.pauseContainer(id);
        assertThat(engine.listContainers(mine, false)).singleElement()
            .satisfies(c -> assertThat(c.state()).isEqualTo("paused"));
        assertThat(engine.inspectContainer(id).orElseThrow().status()).isEqualTo("paused");

        engine.unpauseContainer(id);
        assertThat(engine.inspectContainer(id).orElseThrow().status()).isEqualTo("running");
    }

    @Test
    void pausingTwiceIsAConflictThatSaysAlreadyPaused() {
        String id = create(name("twice-paused"));
        engine.startContainer(id);
        engine.pauseContainer(id);

        assertThatThrownBy(() -> engine.pauseContainer(id)).isInstanceOfSatisfying(EngineException.class, e -> {
            assertThat(e.kind()).isEqualTo(EngineException.Kind.CONFLICT);
            assertThat(e.getMessage()).isEqualTo("Error response from daemon: Container " + id + " is already paused");
        });
    }

    @Test
    void pausingAContainerThatDoesNotRunIsAConflict() {
        String id = create(name("idle-pause"));
        assertThat(kindOf(() -> engine.pauseContainer(id))).isEqualTo(EngineException.Kind.CONFLICT);
    }

    @Test
    void unpausingAContainerThatIsNotPausedFailsSayingSo() {
        // Engine 20.10 answers 500 here, not 409: the message is what callers can rely on.
        String id = create(name("not-paused"));
        engine.startContainer(id);

        assertThatThrownBy(() -> engine.unpauseContainer(id)).isInstanceOf(EngineException.class)
            .hasMessage("Error response from daemon: Container " + id + " is not paused");
    }

    @Test
    void aPausedContainerIsOnlyRemovedByForce() {
        String id = create(name("paused-rm"));
        engine.startContainer(id);
        engine.pauseContainer(id);

        assertThat(kindOf(() -> engine.removeContainer(id, false, false))).isEqualTo(EngineException.Kind.CONFLICT);
        engine.removeContainer(id, true, false);
        assertThat(engine.inspectContainer(id)).isEmpty();
    }

    @Test
    void restartRunsTheSameContainerAgainWhetherItRanOrNot() {
        String id = create(name("restart"));
        engine.restartContainer(id, OptionalInt.of(0));
        assertThat(engine.inspectContainer(id).orElseThrow().running()).isTrue();

        engine.stopContainer(id, OptionalInt.of(0));
        engine.restartContainer(id, OptionalInt.empty());

        assertThat(engine.inspectContainer(id).orElseThrow().running()).isTrue();
        assertThat(engine.listContainers(mine, true)).extracting(ContainerSummary::id).containsExactly(id);
    }

    @Test
    void waitReturnsTheExitCodeOnceTheContainerHasStopped() {
        String id = create(name("wait"));
        engine.startContainer(id);
        engine.killContainer(id, "KILL");

        assertThat(engine.waitContainer(id)).isEqualTo(137);
    }

    @Test
    void waitBlocksUntilARunningContainerEnds() throws Exception {
        String id = create(name("waiting"));
        engine.startContainer(id);
        java.util.concurrent.CompletableFuture<Integer> code =
            java.util.concurrent.CompletableFuture.supplyAsync(() -> engine.waitContainer(id));

        engine.killContainer(id, "KILL");

        assertThat(code.get(60, java.util.concurrent.TimeUnit.SECONDS)).isEqualTo(137);
    }

    @Test
    void waitingForAMissingContainerIsNotFound() {
        assertThat(kindOf(() -> engine.waitContainer(name("absent")))).isEqualTo(EngineException.Kind.NOT_FOUND);
    }

    // Logs and attach

    private String runScript(String what, String script) {
        String id = engine.createContainer(TestSpecs.container(name(what), IMAGE, mine, List.of("sh", "-c", script)));
        engine.startContainer(id);
        return id;
    }

    /** Everything a stream delivers, as {@code out:...} and {@code err:...} lines (in order). */
    private static List<String> drain(ContainerOutput output) {
        StringBuilder out = new StringBuilder();
        StringBuilder err = new StringBuilder();
        List<String> lines = new ArrayList<>();
        try (output) {
            Optional<OutputChunk> chunk;
            while ((chunk = output.next()).isPresent()) {
                StringBuilder sb = chunk.get().stderr() ? err : out;
                sb.append(new String(chunk.get().bytes(), StandardCharsets.UTF_8));
                int nl;
                while ((nl = sb.indexOf("\n")) >= 0) {
                    lines.add((sb == err ? "err:" : "out:") + sb.substring(0, nl));
                    sb.delete(0, nl + 1);
                }
            }
        }
        return lines;
    }

    private List<String> followedLogs(String id, LogQuery query) {
        return drain(engine.containerLogs(id, query));
    }

    private static LogQuery following() {
        return new LogQuery(true, "all", "", "", false);
    }

    @Test
    void logsTellStdoutFromStderr() {
        String id = runScript("logs", "echo one; echo two >&2; echo three");

        assertThat(followedLogs(id, following())).containsExactlyInAnyOrder("out:one", "err:two", "out:three");
    }

    @Test
    void followedLogsEndWhenTheContainerExitsAndKeepTheOrderOfAStream() {
        String id = runScript("order", "echo 1; echo 2; echo 3; echo 4; exit 3");

        assertThat(followedLogs(id, following())).containsExactly("out:1", "out:2", "out:3", "out:4");
        assertThat(engine.inspectContainer(id).orElseThrow().exitCode()).isEqualTo(3);
    }

    @Test
    void tailKeepsTheLastLines() {
        String id = runScript("tail", "echo 1; echo 2; echo 3");
        followedLogs(id, following());

        assertThat(followedLogs(id, new LogQuery(false, "2", "", "", false))).containsExactly("out:2", "out:3");
    }

    @Test
    void timestampsStartEachLine() {
        String id = runScript("stamps", "echo hello");
        followedLogs(id, following());

        assertThat(followedLogs(id, new LogQuery(false, "all", "", "", true))).singleElement().asString()
            .matches("out:\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d+Z hello");
    }

    @Test
    void untilInThePastShowsNothingAndSinceInThePastShowsAll() {
        String id = runScript("window", "echo a; echo b");
        followedLogs(id, following());

        assertThat(followedLogs(id, new LogQuery(false, "all", "", "1000000000.000000000", false))).isEmpty();
        assertThat(followedLogs(id, new LogQuery(false, "all", "1000000000.000000000", "", false)))
            .containsExactly("out:a", "out:b");
    }

    @Test
    void logsOfAMissingContainerAreNotFound() {
        assertThat(kindOf(() -> engine.containerLogs("c4j-" + run + "-absent", LogQuery.ALL)))
            .isEqualTo(EngineException.Kind.NOT_FOUND);
    }

    @Test
    void attachingBeforeTheStartGetsTheWholeRunAndEndsWithIt() {
        String id = engine.createContainer(TestSpecs.container(name("attach"), IMAGE, mine,
            List.of("sh", "-c", "echo out; echo err >&2; exit 2")));
        ContainerOutput output = engine.attachOutput(id);
        engine.startContainer(id);

        assertThat(drain(output)).containsExactlyInAnyOrder("out:out", "err:err");
    }

    @Test
    void closingAStreamEndsAWaitingRead() throws Exception {
        String id = create(name("quiet"));
        engine.startContainer(id);
        ContainerOutput output = engine.containerLogs(id, following());
        Thread closer = new Thread(output::close);

        closer.start();
        assertThat(output.next()).isEmpty();
        closer.join();
    }

    @Test
    void eventsReportTheLifeOfLabelledContainers() {
        Map<String, String> role = labels("role", "evented");
        String name = name("evented");
        try (EventFeed feed = engine.events(role)) {
            engine.createContainer(TestSpecs.container(name("other"), IMAGE, mine, SLEEP));
            String id = engine.createContainer(TestSpecs.container(name, IMAGE, role,
                List.of("sh", "-c", "exit 5")));
            engine.startContainer(id);

            List<EngineEvent> seen = new ArrayList<>();
            while (seen.isEmpty() || !seen.get(seen.size() - 1).action().equals("die")) {
                seen.add(feed.next().orElseThrow());
            }
            assertThat(seen).extracting(EngineEvent::action).containsExactly("create", "start", "die");
            assertThat(seen).allSatisfy(e -> {
                assertThat(e.type()).isEqualTo("container");
                assertThat(e.actorId()).isEqualTo(id);
                assertThat(e.attribute("role")).isEqualTo("evented");
                assertThat(e.attribute("name")).isEqualTo(name);
            });
            assertThat(seen.get(2).attribute("exitCode")).isEqualTo("5");
        }
    }

    private static ContainerSpec.Host withMounts(ContainerSpec.Host h, List<ContainerSpec.Mount> mounts) {
        return new ContainerSpec.Host(h.binds(), mounts, h.tmpfs(), h.portBindings(), h.publishAllPorts(),
            h.networkMode(), h.links(), h.restartPolicy(), h.autoRemove(), h.capAdd(), h.capDrop(), h.dns(),
            h.dnsOptions(), h.dnsSearch(), h.extraHosts(), h.groupAdd(), h.ipcMode(), h.pidMode(), h.utsMode(),
            h.usernsMode(), h.cgroupnsMode(), h.cgroupParent(), h.privileged(), h.readonlyRootfs(), h.init(),
            h.securityOpt(), h.storageOpt(), h.sysctls(), h.shmSize(), h.runtime(), h.isolation(), h.volumeDriver(),
            h.volumesFrom(), h.logConfig(), h.annotations(), h.oomScoreAdj(), h.resources());
    }

    // Inspection

    @Test
    void listingsCarryTheCommandAndNamesAndSelectByLabelPresence() {
        String name = name("listed");
        String id = engine.createContainer(TestSpecs.container(name, IMAGE, labels("role", "web"),
            List.of("sh", "-c", "sleep 300")));
        engine.createContainer(TestSpecs.container(name("other"), IMAGE, mine, SLEEP));

        assertThat(engine.listContainerListings(mine, java.util.Set.of("role"), true)).singleElement()
            .satisfies(c -> {
                assertThat(c.summary().id()).isEqualTo(id);
                assertThat(c.names()).containsExactly("/" + name);
                assertThat(c.command()).isEqualTo("sh -c 'sleep 300'");
            });
        assertThat(engine.listContainerListings(mine, java.util.Set.of("role"), false)).isEmpty();
    }

    @Test
    void topListsTheProcessesOfARunningContainer() {
        String id = create(name("top"));
        engine.startContainer(id);

        ProcessList top = engine.top(id);

        assertThat(top.titles()).contains("PID", "CMD");
        int cmd = top.titles().indexOf("CMD");
        assertThat(top.processes()).anySatisfy(p -> assertThat(p.get(cmd)).isEqualTo("sleep 300"));
    }

    @Test
    void topOfAStoppedContainerIsAConflict() {
        String id = create(name("notop"));
        assertThat(kindOf(() -> engine.top(id))).isEqualTo(EngineException.Kind.CONFLICT);
    }

    @Test
    void statsSampleARunningContainer() {
        String name = name("stats");
        String id = create(name);
        engine.startContainer(id);

        ContainerStats stats = engine.stats(id);

        assertThat(stats.name()).isEqualTo(name);
        assertThat(stats.memoryLimit()).isPositive();
        assertThat(stats.pids()).isPositive();
        assertThat(stats.onlineCpus()).isPositive();
    }

    @Test
    void closingTheEventFeedEndsAWaitingRead() throws Exception {
        try (EventFeed feed = engine.events(labels("role", "never-seen"))) {
            java.util.concurrent.atomic.AtomicReference<Optional<EngineEvent>> read =
                new java.util.concurrent.atomic.AtomicReference<>();
            Thread reader = new Thread(() -> read.set(feed.next()));
            reader.setDaemon(true);
            reader.start();
            feed.close();
            reader.join(60_000);

            assertThat(reader.isAlive()).isFalse();
            assertThat(read.get()).isEmpty();
        }
    }

    // Images: push and project images (pull, push and down --rmi)

    @Test
    void pushingAnImageAbsentLocallyFailsWithTheEnginesWords() {
        assertThatThrownBy(() -> engine.pushImage(MISSING, p -> { }))
            .isInstanceOf(EngineException.class)
            .hasMessageContaining("An image does not exist locally with the tag: 127.0.0.1:5000/compose4j-missing");
    }

    @Test
    void imagesOfAProjectNobodyBuiltAreNone() {
        assertThat(engine.listImages(Map.of("com.docker.compose.project", "c4j-" + java.util.UUID.randomUUID())))
            .isEmpty();
    }
}
