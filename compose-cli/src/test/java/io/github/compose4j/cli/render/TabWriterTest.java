package io.github.compose4j.cli.render;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Go's text/tabwriter with Compose's settings: minimum cell width 20, padding 3, spaces. */
class TabWriterTest {
    @Test
    void shortCellsArePaddedToTheMinimumWidth() {
        assertThat(TabWriter.compose().row("A", "B").row("cc", "d").render()).isEqualTo("""
                A                   B
                cc                  d
                """);
    }

    @Test
    void wideCellWidensItsColumnByThePadding() {
        String name = "X".repeat(25);
        assertThat(TabWriter.compose().row("NAME", "V").row(name, "w").render())
                .isEqualTo("NAME" + " ".repeat(24) + "V\n" + name + "   w\n");
    }

    @Test
    void lastCellIsNeverPadded() {
        assertThat(TabWriter.compose().row("a", "").render()).isEqualTo("a" + " ".repeat(19) + "\n");
    }

    @Test
    void columnsAlignOnlyOverConsecutiveLinesThatHaveThem() {
        String wide = "W".repeat(30);
        String text = TabWriter.compose().row(wide, "x").row("alone").row("b", "y").render();
        assertThat(text).isEqualTo(wide + "   x\nalone\nb" + " ".repeat(19) + "y\n");
    }

    @Test
    void widthCountsCharactersNotBytes() {
        assertThat(TabWriter.compose().row("é", "x").render()).isEqualTo("é" + " ".repeat(19) + "x\n");
    }
}
