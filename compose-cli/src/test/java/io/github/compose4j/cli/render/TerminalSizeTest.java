package io.github.compose4j.cli.render;

import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class TerminalSizeTest {

    @Test
    void readsColumnsAndLines() {
        assertThat(TerminalSize.from(Map.of("COLUMNS", "132", "LINES", "50"))).isEqualTo(new TerminalSize(132, 50));
    }

    @Test
    void defaultsTo80By24() {
        assertThat(TerminalSize.from(Map.of())).isEqualTo(new TerminalSize(80, 24));
    }

    @Test
    void ignoresValuesThatAreNotPositiveIntegers() {
        assertThat(TerminalSize.from(Map.of("COLUMNS", "wide", "LINES", "0"))).isEqualTo(TerminalSize.DEFAULT);
    }
}
