package io.github.compose4j.cli;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code --help} beside the reference's, byte for byte, for the commands whose options and descriptions are
 * Compose's (others differ only where compose4j's options do: a shorter {@code --format} text, no {@code --watch}).
 */
class HelpIT {
    @BeforeAll
    static void reference() {
        DockerCli.assumeReferenceCompose();
    }

    @ParameterizedTest
    @ValueSource(strings = {"down", "config", "logs", "pull", "push", "start", "stop", "restart", "kill", "events",
        "images", "pause", "unpause", "port", "top", "scale", "wait", "version", "cp", "attach", "watch"})
    void helpIsTheReferences(String command) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        CliContext ctx = new CliContext(Path.of("").toAbsolutePath(), Map.of(), () -> "",
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));

        int code = Main.run(ctx, command, "--help");

        DockerCli.Result reference = DockerCli.run("compose", command, "--help");
        assertThat(code).isEqualTo(reference.code()).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).isEqualTo(reference.out());
        assertThat(err.toString(StandardCharsets.UTF_8)).isEqualTo(reference.err());
    }
}
