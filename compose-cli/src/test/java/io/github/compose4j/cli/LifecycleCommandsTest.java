package io.github.compose4j.cli;

import io.github.compose4j.error.ComposeException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Argument handling of the lifecycle commands that needs no daemon. */
class LifecycleCommandsTest {
    @TempDir
    Path dir;
    private String err;

    private int run(String... args) {
        ByteArrayOutputStream e = new ByteArrayOutputStream();
        CliContext ctx = new CliContext(dir, Map.of(), () -> "", new PrintStream(new ByteArrayOutputStream(), true,
                StandardCharsets.UTF_8), new PrintStream(e, true, StandardCharsets.UTF_8));
        int code = Main.run(ctx, args);
        err = e.toString(StandardCharsets.UTF_8);
        return code;
    }

    @Test
    void waitWithoutAServiceFailsWithComposesUsageMessage() {
        assertThat(run("-p", "x", "wait")).isEqualTo(1);
        assertThat(err).startsWith("\"docker compose wait\" requires at least 1 argument.\n"
                + "See 'docker compose wait --help'.\n");
    }

    @Test
    void scaleWithoutAnArgumentFailsAsCobraDoes() {
        assertThat(run("-p", "x", "scale")).isEqualTo(1);
        assertThat(err).isEqualTo("requires at least 1 arg(s), only received 0\n");
    }

    @Test
    void scaleWithABadSpecifierFailsBeforeLoadingTheProject() {
        assertThat(run("-p", "x", "scale", "web")).isEqualTo(1);
        assertThat(err).isEqualTo("invalid scale specifier: web\n");
    }

    @Test
    void scaleReadsServiceCountPairsTheLastCountWinning() {
        assertThat(ScaleCommand.parse(List.of("web=2", "db=0", "web=3"))).isEqualTo(Map.of("web", 3, "db", 0));
    }

    @Test
    void scaleWithoutACountIsAnInvalidSpecifier() {
        assertThatThrownBy(() -> ScaleCommand.parse(List.of("web"))).isInstanceOf(ComposeException.class)
                .hasMessage("invalid scale specifier: web");
        assertThatThrownBy(() -> ScaleCommand.parse(List.of("=2"))).hasMessage("invalid scale specifier: =2");
        assertThatThrownBy(() -> ScaleCommand.parse(List.of("web="))).hasMessage("invalid scale specifier: web=");
    }

    @Test
    void scaleWithANonNumericCountSaysSo() {
        assertThatThrownBy(() -> ScaleCommand.parse(List.of("web=x")))
                .hasMessage("invalid scale specifier: can't parse replica value as int: web=x");
    }

    @Test
    void rmTakesYOrAGoTrueValueAsYes() {
        assertThat(List.of("y", "Y", "yes", "true", "1", "t", "TRUE")).filteredOn(RmCommand::yes)
                .containsExactly("y", "Y", "true", "1", "t", "TRUE");
        assertThat(RmCommand.yes("")).isFalse();
        assertThat(RmCommand.yes("n")).isFalse();
    }
}
