package io.github.compose4j.cli.format;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class UnitsTest {
    @Test
    void durationsReadLikeDockers() {
        assertThat(Units.humanDuration(Duration.ofMillis(500))).isEqualTo("Less than a second");
        assertThat(Units.humanDuration(Duration.ofSeconds(1))).isEqualTo("1 second");
        assertThat(Units.humanDuration(Duration.ofSeconds(59))).isEqualTo("59 seconds");
        assertThat(Units.humanDuration(Duration.ofSeconds(90))).isEqualTo("About a minute");
        assertThat(Units.humanDuration(Duration.ofMinutes(59))).isEqualTo("59 minutes");
        assertThat(Units.humanDuration(Duration.ofMinutes(89))).isEqualTo("About an hour");
        assertThat(Units.humanDuration(Duration.ofMinutes(91))).isEqualTo("2 hours");
        assertThat(Units.humanDuration(Duration.ofHours(47))).isEqualTo("47 hours");
        assertThat(Units.humanDuration(Duration.ofDays(3))).isEqualTo("3 days");
        assertThat(Units.humanDuration(Duration.ofDays(20))).isEqualTo("2 weeks");
        assertThat(Units.humanDuration(Duration.ofDays(90))).isEqualTo("3 months");
        assertThat(Units.humanDuration(Duration.ofDays(800))).isEqualTo("2 years");
    }

    @Test
    void sizesUseThreeSignificantDigitsInDecimalUnits() {
        assertThat(Units.humanSize(0)).isEqualTo("0B");
        assertThat(Units.humanSize(1_984_257)).isEqualTo("1.98MB");
        assertThat(Units.humanSize(1600)).isEqualTo("1.6kB");
        assertThat(Units.humanSize(999.9)).isEqualTo("1e+03B");
    }

    @Test
    void bytesSizesUseFourSignificantDigitsInBinaryUnits() {
        assertThat(Units.bytesSize(320 * 1024)).isEqualTo("320KiB");
        assertThat(Units.bytesSize(25_275_000_000L)).isEqualTo("23.54GiB");
    }

    @Test
    void idsAndLongTextsAreShortened() {
        assertThat(Units.truncateId("sha256:b4d2aa059b688878ef56951f")).isEqualTo("b4d2aa059b68");
        assertThat(Units.ellipsis("sh -c 'sleep 3600; echo done'", 20)).isEqualTo("sh -c 'sleep 3600; …");
        assertThat(Units.ellipsis("short", 20)).isEqualTo("short");
    }
}
