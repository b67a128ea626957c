package io.github.compose4j.oneoff;

import io.github.compose4j.Compose;
import io.github.compose4j.engine.ContainerSpec;
import io.github.compose4j.engine.ContainerSummary;
import io.github.compose4j.engine.ExecSpec;
import io.github.compose4j.engine.FakeEngine;
import io.github.compose4j.engine.StreamFrames;
import io.github.compose4j.error.ComposeException;
import io.github.compose4j.event.ProgressListener;
import io.github.compose4j.execute.ExecutionOptions;
import io.github.compose4j.model.Project;
import io.github.compose4j.observe.Labels;
import io.github.compose4j.plan.UpOptions;
import io.github.compose4j.testing.Projects;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** run, exec and cp over the fake engine, and their pure parts. */
class OneOffTest {
    private static final String YAML = """
            services:
              app:
                image: busybox:latest
                container_name: fixed
                restart: always
                ports: ["8080:80"]
                depends_on: [db]
              db:
                image: busybox:latest
            """;

    private final FakeEngine engine = new FakeEngine().withImages("busybox:latest");
    private final Compose compose = new Compose(engine, ProgressListener.NONE, 0);
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private final Console console = new Console(Optional.empty(), out, err, Optional.empty());

    @TempDir
    Path dir;

    private static RunRequest run(List<String> command, boolean detach, List<String> publish, boolean noDeps) {
        return new RunRequest("app", command, Optional.empty(), List.of("A=1"), Map.of("x", "y"), List.of(), publish,
                "", "", "", List.of(), List.of(), detach, false, false, false, false, false, noDeps, false);
    }

    private static byte[] frame(int stream, String text) {
        byte[] payload = text.getBytes(StandardCharsets.UTF_8);
        byte[] f = new byte[8 + payload.length];
        f[0] = (byte) stream;
        f[7] = (byte) payload.length;
        System.arraycopy(payload, 0, f, 8, payload.length);
        return f;
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] all = new byte[a.length + b.length];
        System.arraycopy(a, 0, all, 0, a.length);
        System.arraycopy(b, 0, all, a.length, b.length);
        return all;
    }

    @Test
    void framesAreDemultiplexedToStdoutAndStderr() throws IOException {
        byte[] stream = concat(frame(1, "out\n"), frame(2, "err\n"));

        StreamFrames.copy(new ByteArrayInputStream(stream), false, out, err);

        assertThat(out.toString(StandardCharsets.UTF_8)).isEqualTo("out\n");
        assertThat(err.toString(StandardCharsets.UTF_8)).isEqualTo("err\n");
    }

    @Test
    void runDropsTheModelPortsUnlessPublishedAndNeverUsesContainerName() {
        Project p = RunProjects.apply(Projects.load("p", YAML), run(List.of(), false, List.of("9000:90"), false));

        assertThat(p.services().get("app").ports()).extracting(x -> x.published() + ":" + x.target())
                .containsExactly("9000:90");
        assertThat(RunProjects.oneOff(p, p.services().get("app"), run(List.of(), false, List.of(), false))
                .containerName()).isEmpty();
    }

    @Test
    void runStartsDependenciesThenAttachesAndPassesTheExitCode() {
        Project p = RunProjects.apply(Projects.load("p", YAML), run(List.of("echo", "hi"), false, List.of(), false));
        engine.onRun("p-app-run-", frame(1, "hi\n"), 7);

        compose.runDependencies(p, run(List.of("echo", "hi"), false, List.of(), false), ExecutionOptions.defaults());
        int code = compose.runOneOff(p, run(List.of("echo", "hi"), false, List.of(), false), ExecutionOptions.defaults(),
                console);

        assertThat(code).isEqualTo(7);
        assertThat(out.toString(StandardCharsets.UTF_8)).isEqualTo("hi\n");
        assertThat(engine.listContainers(Map.of(Labels.SERVICE, "db"), false)).hasSize(1);
        assertThat(engine.calls()).extracting(c -> c.method() + (c.target().startsWith("p-app-run-") ? " one-off" : ""))
                .containsSubsequence("startContainer", "attachContainer one-off", "watchExit one-off",
                        "startContainer one-off");
    }

    @Test
    void aOneOffHasTheOneOffLabelsAndNoRestartPolicy() {
        RunRequest r = run(List.of(), true, List.of(), true);
        Project p = RunProjects.apply(Projects.load("p", YAML), r);
        compose.runDependencies(p, r, ExecutionOptions.defaults());

        compose.runOneOff(p, r, ExecutionOptions.defaults(), console);

        ContainerSummary c = engine.listContainers(Map.of(Labels.ONEOFF, "True"), true).get(0);
        assertThat(out.toString(StandardCharsets.UTF_8).strip()).isEqualTo(c.id());
        assertThat(c.name()).matches("p-app-run-[0-9a-f]{12}");
        assertThat(c.labels()).containsEntry(Labels.CONTAINER_NUMBER, "1").containsEntry("x", "y")
                .containsKey(Labels.SLUG);
        ContainerSpec spec = engine.spec(c.id());
        assertThat(spec.host().restartPolicy()).isEqualTo(ContainerSpec.RestartPolicy.NONE);
        assertThat(spec.config().env()).contains("A=1");
        assertThat(engine.listContainers(Map.of(Labels.SERVICE, "db"), true)).isEmpty();
    }

    @Test
    void execRunsInTheServiceContainerAndPassesItsExitCode() {
        Project p = Projects.load("p", YAML);
        compose.up(p, UpOptions.defaults(), ExecutionOptions.defaults());
        engine.onNextExec(frame(2, "boom\n"), 3);

        int code = compose.exec("p", new ExecRequest("db", List.of("false"), List.of(), "", "", false, false, false,
                false, 0), console);

        assertThat(code).isEqualTo(3);
        assertThat(err.toString(StandardCharsets.UTF_8)).isEqualTo("boom\n");
        assertThat(engine.execs().values()).extracting(ExecSpec::command).containsExactly(List.of("false"));
    }

    /** A caller that, as soon as a process attaches, receives TERM and has its terminal resized to 30 by 100. */
    private static final class SignalledCaller implements ConsoleEvents {
        boolean closed;

        @Override
        public Subscription subscribe(Listener listener) {
            listener.signalled("TERM");
            listener.resized(new Console.Size(30, 100));
            return () -> closed = true;
        }
    }

    private static RunRequest runWithTty(boolean tty) {
        return new RunRequest("app", List.of("sh"), Optional.empty(), List.of(), Map.of(), List.of(), List.of(), "",
                "", "", List.of(), List.of(), false, false, tty, false, false, false, true, false);
    }

    @Test
    void runForwardsTheCallersSignalsToTheOneOffAndResizesItsTty() {
        RunRequest r = runWithTty(true);
        Project p = RunProjects.apply(Projects.load("p", YAML), r);
        compose.runDependencies(p, r, ExecutionOptions.defaults());
        SignalledCaller caller = new SignalledCaller();

        compose.runOneOff(p, r, ExecutionOptions.defaults(),
                new Console(Optional.empty(), out, err, Optional.empty(), caller));

        assertThat(engine.calls()).filteredOn(c -> c.target().startsWith("p-app-run-"))
                .extracting(c -> c.method() + " " + c.detail())
                .contains("killContainer TERM", "resizeContainerTty 30x100");
        assertThat(caller.closed).isTrue();
    }

    @Test
    void runWithoutATtyForwardsSignalsButResizesNothing() {
        RunRequest r = runWithTty(false);
        Project p = RunProjects.apply(Projects.load("p", YAML), r);
        compose.runDependencies(p, r, ExecutionOptions.defaults());

        compose.runOneOff(p, r, ExecutionOptions.defaults(),
                new Console(Optional.empty(), out, err, Optional.empty(), new SignalledCaller()));

        assertThat(engine.calls()).extracting(c -> c.method() + " " + c.detail())
                .contains("killContainer TERM").doesNotContain("resizeContainerTty 30x100");
    }

    @Test
    void execWithATtyFollowsTheCallersSizeAndForwardsNoSignal() {
        Project p = Projects.load("p", YAML);
        compose.up(p, UpOptions.defaults(), ExecutionOptions.defaults());
        engine.clearCalls();

        compose.exec("p", new ExecRequest("db", List.of("sh"), List.of(), "", "", false, true, false, false, 0),
                new Console(Optional.empty(), out, err, Optional.empty(), new SignalledCaller()));

        assertThat(engine.calls()).extracting(c -> c.method() + " " + c.detail())
                .contains("resizeExecTty 30x100").noneMatch(c -> c.startsWith("killContainer"));
    }

    private static AttachRequest attach(String service, boolean sigProxy) {
        return new AttachRequest(service, 0, false, sigProxy, "");
    }

    @Test
    void attachJoinsTheServicesContainerAndPassesItsExitCode() {
        engine.onRun("p-db-1", frame(1, "db says\n"), 4);
        Project p = Projects.load("p", YAML);
        compose.up(p, UpOptions.defaults(), ExecutionOptions.defaults());
        engine.clearCalls();
        SignalledCaller caller = new SignalledCaller();

        int code = compose.attach(compose.attachTarget("p", attach("db", true)), attach("db", true),
                new Console(Optional.empty(), out, err, Optional.empty(), caller));

        assertThat(code).isEqualTo(4);
        assertThat(out.toString(StandardCharsets.UTF_8)).isEqualTo("db says\n");
        // Without a TTY, the caller's signals go to the container.
        assertThat(engine.calls()).extracting(c -> c.method() + " " + c.target() + " " + c.detail())
                .containsSubsequence("watchExit p-db-1 next-exit", "attachContainer p-db-1 ", "killContainer p-db-1 TERM");
        assertThat(caller.closed).isTrue();
    }

    @Test
    void attachWithoutTheSignalProxyForwardsNothing() {
        Project p = Projects.load("p", YAML);
        compose.up(p, UpOptions.defaults(), ExecutionOptions.defaults());
        engine.clearCalls();

        compose.attach(compose.attachTarget("p", attach("db", false)), attach("db", false),
                new Console(Optional.empty(), out, err, Optional.empty(), new SignalledCaller()));

        assertThat(engine.calls()).noneMatch(c -> c.method().equals("killContainer"));
    }

    @Test
    void attachRefusesAPausedOrStoppedContainerInDockersWords() {
        Project p = Projects.load("p", YAML);
        compose.up(p, UpOptions.defaults(), ExecutionOptions.defaults());
        engine.pauseContainer("p-db-1");

        assertThatThrownBy(() -> compose.attachTarget("p", attach("db", true))).isInstanceOf(ComposeException.class)
                .hasMessage("You cannot attach to a paused container, unpause it first");
        assertThatThrownBy(() -> compose.attachTarget("p", new AttachRequest("db", 3, false, true, "")))
                .hasMessage("service \"db\" is not running container #3");
    }

    @Test
    void detachKeysAreTheDockerClisNotation() {
        assertThat(DetachKeys.parse("")).containsExactly(16, 17);
        assertThat(DetachKeys.parse("ctrl-a,x,ctrl-@,ctrl-_")).containsExactly(1, 'x', 0, 31);
        assertThat(DetachKeys.parse("ctrl-A")).isEmpty();
        assertThat(DetachKeys.parse("alt-x")).isEmpty();
    }

    @Test
    void theDetachWatchPassesInputOnAndNotesTheWholeSequence() throws IOException {
        java.util.concurrent.atomic.AtomicBoolean detached = new java.util.concurrent.atomic.AtomicBoolean();
        byte[] typed = {'a', 16, 'b', 16, 16, 17, 'c'};
        ServiceAttach.DetachWatch watch = new ServiceAttach.DetachWatch(new ByteArrayInputStream(typed),
                DetachKeys.parse(""), detached);

        assertThat(watch.read(new byte[4], 0, 4)).isEqualTo(4);
        assertThat(detached).isFalse();
        assertThat(watch.readAllBytes()).containsExactly(16, 17, 'c');
        assertThat(detached).isTrue();
    }

    @Test
    void execOnAServiceWithoutARunningContainerFails() {
        assertThatThrownBy(() -> compose.exec("p", new ExecRequest("db", List.of("true"), List.of(), "", "", false,
                false, false, false, 2), console)).isInstanceOf(ComposeException.class)
                .hasMessage("service \"db\" is not running container #2");
    }

    @Test
    void cpIntoAServiceReachesEveryReplicaUnderTheDestinationName() throws IOException {
        Project p = Projects.load("p", YAML);
        compose.up(p, UpOptions.defaults(), ExecutionOptions.defaults());
        Files.writeString(dir.resolve("local.txt"), "hello");

        compose.copy("p", new CopyRequest("local.txt", "db:/tmp/remote.txt", 0, false, false, false), dir,
                InputStream.nullInputStream(), out);

        assertThat(engine.files("p-db-1")).containsKey("/tmp/remote.txt");
        assertThat(new String(engine.files("p-db-1").get("/tmp/remote.txt"), StandardCharsets.UTF_8))
                .isEqualTo("hello");
    }

    @Test
    void cpOutOfAServiceWritesTheFileUnderTheLocalName() throws IOException {
        Project p = Projects.load("p", YAML);
        compose.up(p, UpOptions.defaults(), ExecutionOptions.defaults());
        Files.writeString(dir.resolve("local.txt"), "hello");
        compose.copy("p", new CopyRequest("local.txt", "db:/tmp/remote.txt", 0, false, false, false), dir,
                InputStream.nullInputStream(), out);

        compose.copy("p", new CopyRequest("db:/tmp/remote.txt", "copy.txt", 0, false, false, false), dir,
                InputStream.nullInputStream(), out);

        assertThat(Files.readString(dir.resolve("copy.txt"))).isEqualTo("hello");
    }

    @Test
    void aLocalTreeSurvivesTheTarRoundTripUnderANewName() throws IOException {
        Path src = Files.createDirectories(dir.resolve("src/a/b"));
        Files.writeString(src.resolve("f.txt"), "x".repeat(1000));
        String longName = "n".repeat(120);
        Files.writeString(dir.resolve("src").resolve(longName), "long");
        ByteArrayOutputStream tar = new ByteArrayOutputStream();
        LocalArchive.write(dir.resolve("src"), "src", false, false, tar);
        Path dest = Files.createDirectories(dir.resolve("dest"));

        LocalArchive.extract(new ByteArrayInputStream(tar.toByteArray()), dest, "src", "renamed");

        assertThat(Files.readString(dest.resolve("renamed/a/b/f.txt"))).hasSize(1000);
        assertThat(Files.readString(dest.resolve("renamed").resolve(longName))).isEqualTo("long");
    }

    private static final class InputStream {
        static java.io.InputStream nullInputStream() {
            return java.io.InputStream.nullInputStream();
        }
    }
}
