package io.github.compose4j.cli;

import io.github.compose4j.error.ComposeException;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Argument handling of the lifecycle commands that needs no daemon. */
class LifecycleCommandsTest {

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
