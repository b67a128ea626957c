package io.github.compose4j.cli.render;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class GoTextTest {

    @Test
    void humanSizeUsesDecimalUnitsAndFourSignificantDigits() {
        assertThat(GoText.humanSize(0)).isEqualTo("0B");
        assertThat(GoText.humanSize(512)).isEqualTo("512B");
        assertThat(GoText.humanSize(1050)).isEqualTo("1.05kB");
        assertThat(GoText.humanSize(201_328)).isEqualTo("201.3kB");
        assertThat(GoText.humanSize(12_300_000)).isEqualTo("12.3MB");
        assertThat(GoText.humanSize(40_000_000)).isEqualTo("40MB");
        assertThat(GoText.humanSize(16_005_740)).isEqualTo("16.01MB");
        assertThat(GoText.humanSize(999_960)).isEqualTo("1000kB");
        assertThat(GoText.humanSize(3_000_000_000L)).isEqualTo("3GB");
    }

    @Test
    void humanSizeRoundsExactTiesToEven() {
        assertThat(GoText.humanSize(100_250)).isEqualTo("100.2kB");
        assertThat(GoText.humanSize(100_750)).isEqualTo("100.8kB");
    }

    @Test
    void oneDecimalRoundsTheExactBinaryValueHalfToEven() {
        assertThat(GoText.oneDecimal(0.25)).isEqualTo("0.2");
        assertThat(GoText.oneDecimal(0.35)).isEqualTo("0.3");
        assertThat(GoText.oneDecimal(0.05)).isEqualTo("0.1");
        assertThat(GoText.oneDecimal(10.0)).isEqualTo("10.0");
    }

    @Test
    void byteLengthCountsUtf8Bytes() {
        assertThat(GoText.byteLength("a✔")).isEqualTo(4);
        assertThat(GoText.byteLength("\uD83D\uDE00")).isEqualTo(4);
    }

    @Test
    void truncateBytesNeverSplitsACharacter() {
        assertThat(GoText.truncateBytes("ab✔c", 3)).isEqualTo("ab");
        assertThat(GoText.truncateBytes("ab✔c", 5)).isEqualTo("ab✔");
    }

    @Test
    void visibleLengthSkipsColorCodesAndCountsRunes() {
        assertThat(GoText.visibleLength(" \u001b[32m✔\u001b[0m a")).isEqualTo(4);
    }

    @Test
    void quoteEscapesAsGo() {
        assertThat(GoText.quote("a \"b\"\\\n\t")).isEqualTo("\"a \\\"b\\\"\\\\\\n\\t\"");
        assertThat(GoText.quote("\u0001\u007f")).isEqualTo("\"\\x01\\x7f\"");
        assertThat(GoText.quote("é✔\u00a0")).isEqualTo("\"é✔\\u00a0\"");
    }
}
