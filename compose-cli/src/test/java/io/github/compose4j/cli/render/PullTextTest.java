package io.github.compose4j.cli.render;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Expected texts are lines of Compose 2.26.1's plain pull output (plain-pull.txt). */
class PullTextTest {

    @Test
    void startedLayerHasAnEmptyBarAndBothSizes() {
        assertThat(PullText.of(69206, 4001234, 200))
                .isEqualTo("[>                                                  ]  69.21kB/4.001MB");
    }

    @Test
    void finishedLayerHasAFullBar() {
        assertThat(PullText.of(1050, 1050, 200))
                .isEqualTo("[==================================================>]   1.05kB/1.05kB");
    }

    @Test
    void barFillsOneCharacterPerTwoPercent() {
        assertThat(PullText.of(3361000, 12004999, 200))
                .isEqualTo("[=============>                                     ]  3.361MB/12MB");
    }

    @Test
    void terminalOf110ColumnsOrLessGetsNoBar() {
        assertThat(PullText.of(3361000, 12004999, 110)).isEqualTo(" 3.361MB/12MB");
    }

    @Test
    void unknownTotalShowsTheCurrentSizeOnly() {
        assertThat(PullText.of(512, 0, 200)).isEqualTo("    512B");
    }

    @Test
    void currentBeyondTotalDropsTheTotal() {
        assertThat(PullText.of(2000, 1000, 200))
                .isEqualTo("[==================================================>]      2kB");
    }

    @Test
    void nothingBeforeAnyCount() {
        assertThat(PullText.of(0, 0, 200)).isEmpty();
    }
}
