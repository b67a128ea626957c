package io.github.compose4j.cli.render;

import io.github.compose4j.cli.render.ProgressDisplay.Mode;
import io.github.compose4j.error.ComposeException;
import io.github.compose4j.error.Failure;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Compose's choice of progress display from --ansi, --progress, COMPOSE_ANSI, NO_COLOR and the terminal. */
class DisplayModeTest {

    private static Mode mode(String ansi, String progress, Map<String, String> env, boolean terminal) {
        return DisplayMode.select(ansi, progress, env, terminal).mode();
    }

    @Test
    void defaultIsTheTerminalDisplayOnATerminal() {
        assertThat(mode(null, null, Map.of(), true)).isEqualTo(Mode.TTY);
    }

    @Test
    void defaultIsPlainOffATerminal() {
        assertThat(mode(null, null, Map.of(), false)).isEqualTo(Mode.PLAIN);
    }

    @Test
    void ansiNeverMakesAutoPlain() {
        assertThat(mode("never", "auto", Map.of(), true)).isEqualTo(Mode.PLAIN);
    }

    @Test
    void ansiAlwaysDoesNotForceTheTerminalDisplayOffATerminal() {
        assertThat(mode("always", null, Map.of(), false)).isEqualTo(Mode.PLAIN);
    }

    @Test
    void composeAnsiReplacesTheFlagEvenWhenGiven() {
        assertThat(mode("auto", null, Map.of("COMPOSE_ANSI", "never"), true)).isEqualTo(Mode.PLAIN);
        assertThat(mode("never", "tty", Map.of("COMPOSE_ANSI", "auto"), true)).isEqualTo(Mode.TTY);
    }

    @Test
    void progressTtyIsKeptOffATerminalForTheDisplayToRefuse() {
        DisplayMode m = DisplayMode.select(null, "tty", Map.of(), false);
        assertThat(m.mode()).isEqualTo(Mode.TTY);
        assertThat(m.stderrTerminal()).isFalse();
    }

    @Test
    void progressPlainAndQuietAreTakenAsGiven() {
        assertThat(mode(null, "plain", Map.of(), true)).isEqualTo(Mode.PLAIN);
        assertThat(mode(null, "quiet", Map.of(), true)).isEqualTo(Mode.QUIET);
        assertThat(mode(null, "none", Map.of(), true)).isEqualTo(Mode.QUIET);
    }

    @Test
    void progressTtyWithAnsiNeverFails() {
        assertThatThrownBy(() -> mode("never", "tty", Map.of(), true))
                .isInstanceOf(ComposeException.class)
                .hasMessage("can't use --progress tty while ANSI support is disabled")
                .extracting(e -> ((ComposeException) e).failure()).isEqualTo(Failure.GENERAL);
    }

    @Test
    void progressTtyWithComposeAnsiNeverFails() {
        assertThatThrownBy(() -> mode("auto", "tty", Map.of("COMPOSE_ANSI", "never"), true))
                .hasMessage("can't use --progress tty while ANSI support is disabled");
    }

    @Test
    void progressPlainWithAnsiAlwaysFails() {
        assertThatThrownBy(() -> mode("always", "plain", Map.of(), true))
                .hasMessage("can't use --progress plain while ANSI support is forced");
    }

    @Test
    void unknownProgressFailsWithTheValueQuoted() {
        assertThatThrownBy(() -> mode(null, "fancy", Map.of(), true))
                .hasMessage("unsupported --progress value \"fancy\"");
    }

    @Test
    void unknownAnsiValueIsIgnored() {
        assertThat(mode("bogus", null, Map.of(), true)).isEqualTo(Mode.TTY);
    }

    @Test
    void noColorRemovesColorsButKeepsTheMode() {
        DisplayMode m = DisplayMode.select(null, null, Map.of("NO_COLOR", "1"), true);
        assertThat(m.mode()).isEqualTo(Mode.TTY);
        assertThat(m.colors()).isFalse();
    }

    @Test
    void emptyNoColorKeepsColors() {
        assertThat(DisplayMode.select(null, null, Map.of("NO_COLOR", ""), true).colors()).isTrue();
    }

    @Test
    void noAnsiMeansNeverWithADeprecationNotice() {
        DisplayMode m = DisplayMode.select("auto", true, null, Map.of(), true);
        assertThat(m.mode()).isEqualTo(Mode.PLAIN);
        assertThat(m.notice()).isEqualTo("option '--no-ansi' is DEPRECATED ! Please use '--ansi' instead.\n");
    }

    @Test
    void noAnsiWithAnAnsiValueFails() {
        assertThatThrownBy(() -> DisplayMode.select("never", true, null, Map.of(), true))
                .hasMessage("cannot specify DEPRECATED \"--no-ansi\" and \"--ansi\". Please use only \"--ansi\"");
    }
}
