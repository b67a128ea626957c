package io.github.compose4j.cli;

import io.github.compose4j.testing.RequiresDocker;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code compose attach} on the real daemon, beside the reference where both can run. */
@RequiresDocker
@Timeout(300)
class AttachIT {
    @TempDir
    Path tmp;

    @RegisterExtension
    final ItProjects projects = new ItProjects();

    private static final String SERVICES = """
            services:
              app:
                image: busybox:latest
                command: ["sh", "-c", "echo ready; sleep 3; echo out; echo err >&2; exit 3"]
              idle:
                image: busybox:latest
                command: ["sleep", "3600"]
                stop_signal: SIGKILL
              gone:
                image: busybox:latest
                command: ["true"]
              cat:
                image: busybox:latest
                stdin_open: true
                command: ["sh", "-c", "read line; echo got $$line; exit 5"]
              trap:
                image: busybox:latest
                command: ["sh", "-c", "trap 'echo got-term; exit 7' TERM; echo ready; while true; do sleep 0.1; done"]
            """;

    @Test
    void theContainersOutputAndExitCodeComeThrough() {
        ItProject project = projects.create(tmp, SERVICES);
        project.composeOk("up", "-d", "app");

        Launcher.Result attach = Launcher.run(project.dir, Map.of(), "-p", project.name, "attach", "app");

        assertThat(attach.code()).as(attach.err()).isEqualTo(3);
        assertThat(attach.out()).isEqualTo("out\n");
        assertThat(attach.err()).isEqualTo("err\n");
    }

    @Test
    void theCallersInputReachesAContainerThatKeepsStdinOpen() throws IOException {
        ItProject project = projects.create(tmp, SERVICES);
        project.composeOk("up", "-d", "cat");
        ProcessBuilder pb = Launcher.builder(project.dir, Map.of(), Launcher.command("-p", project.name, "attach", "cat"))
                .redirectInput(ProcessBuilder.Redirect.PIPE);
        Process p = Launcher.start(pb);
        try (OutputStream in = p.getOutputStream()) {
            in.write("hi\n".getBytes(StandardCharsets.UTF_8));
        }

        Launcher.Result attach = Launcher.finish(p);

        assertThat(attach.code()).as(attach.err()).isEqualTo(5);
        assertThat(attach.out()).isEqualTo("got hi\n");
    }

    @Test
    void onATerminalTheDetachKeysLeaveTheContainerRunning() throws Exception {
        assertThat(new java.io.File("/usr/bin/script").canExecute()).as("util-linux script, for a pseudo-terminal").isTrue();
        ItProject project = projects.create(tmp, """
                services:
                  term:
                    image: busybox:latest
                    tty: true
                    stdin_open: true
                    command: ["sh"]
                """);
        project.composeOk("up", "-d");
        StringBuilder shell = new StringBuilder("exec");
        for (String word : Launcher.command("-p", project.name, "attach", "term")) {
            shell.append(" '").append(word).append('\'');
        }
        Process script = new ProcessBuilder("script", "-qfec", shell.toString(), "/dev/null")
                .directory(project.dir.toFile()).redirectErrorStream(true).start();
        StringBuffer output = new StringBuffer();
        Thread reader = new Thread(() -> {
            try {
                byte[] buffer = new byte[4096];
                for (int n; (n = script.getInputStream().read(buffer)) > 0; ) {
                    output.append(new String(buffer, 0, n, StandardCharsets.UTF_8));
                }
            } catch (IOException e) {
                // ended
            }
        });
        reader.start();
        OutputStream keys = script.getOutputStream();
        // Typed until the shell answers: the attach is live only once the JVM has started.
        for (int i = 0; i < 100 && !output.toString().contains("said-hi"); i++) {
            keys.write("echo said-$((1+0))hi | tr -d 1\r".getBytes(StandardCharsets.UTF_8));
            keys.flush();
            Thread.sleep(300);
        }
        assertThat(output.toString()).contains("said-hi");

        keys.write(new byte[] {16, 17}); // ctrl-p ctrl-q
        keys.flush();

        assertThat(script.waitFor(60, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
        reader.join(10_000);
        assertThat(script.exitValue()).as(output.toString()).isEqualTo(1);
        assertThat(output.toString()).contains("read escape sequence");
        assertThat(project.inspect("term-1", "{{.State.Running}}")).isEqualTo("true");
    }

    @Test
    void whatCannotBeAttachedToIsRefusedAsComposeRefusesIt() {
        DockerCli.assumeReferenceCompose();
        ItProject project = projects.create(tmp, SERVICES);
        project.composeOk("up", "-d", "idle", "gone");
        project.composeOk("pause", "idle");

        for (String[] args : new String[][] {{"attach", "gone"}, {"attach", "nope"}, {"attach", "--index", "2", "idle"},
            {"attach", "idle"}, {"attach"}}) {
            ItProject.Run ours = project.compose(args);
            DockerCli.Result reference = project.reference(args);
            assertThat(ours.code()).as(String.join(" ", args)).isEqualTo(reference.code()).isEqualTo(1);
            assertThat(ours.err()).as(String.join(" ", args)).isEqualTo(reference.err());
        }
        assertThat(project.compose("attach", "idle").err())
                .isEqualTo("You cannot attach to a paused container, unpause it first\n");
        project.composeOk("unpause", "idle");
    }

    @Test
    void aSignalGoesToTheContainer() throws Exception {
        ItProject project = projects.create(tmp, SERVICES);
        project.composeOk("up", "-d", "trap");
        SignalsIT.Child attach = new SignalsIT.Child(project.dir, "got-term", "-p", project.name, "attach", "trap");
        Thread.sleep(2_000); // the session is open (nothing is printed until the signal)

        attach.signal("TERM", false);

        assertThat(attach.exitWithin(60)).isEqualTo(7);
        assertThat(attach.out()).isEqualTo("got-term\n");
    }

    @Test
    void withoutTheSignalProxyASignalEndsTheAttachAndTheContainerRunsOn() throws Exception {
        ItProject project = projects.create(tmp, SERVICES);
        project.composeOk("up", "-d", "trap");
        SignalsIT.Child attach = new SignalsIT.Child(project.dir, "never printed", "-p", project.name, "attach",
                "--sig-proxy=false", "trap");
        Thread.sleep(2_000);

        attach.signal("INT", false);

        assertThat(attach.exitWithin(60)).isEqualTo(130);
        assertThat(attach.err.join()).isEqualTo("canceled\n");
        assertThat(project.inspect("trap-1", "{{.State.Running}}")).isEqualTo("true");
    }
}
