package io.github.compose4j.load.canonical;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Expected values are those of docker/go-units {@code RAMInBytes} and Go's {@code time.ParseDuration}. */
class UnitParsersTest {
    @Test
    void sizeUnitsAreBinaryAndCaseInsensitive() {
        assertThat(UnitParsers.ramInBytes("1k")).isEqualTo(1024);
        assertThat(UnitParsers.ramInBytes("1KB")).isEqualTo(1024);
        assertThat(UnitParsers.ramInBytes("1kib")).isEqualTo(1024);
        assertThat(UnitParsers.ramInBytes("2T")).isEqualTo(2L << 40);
        assertThat(UnitParsers.ramInBytes("1p")).isEqualTo(1L << 50);
    }

    @Test
    void sizeAllowsOneSpaceBeforeTheUnit() {
        assertThat(UnitParsers.ramInBytes("10 m")).isEqualTo(10L << 20);
    }

    @Test
    void fractionalSizeIsTruncated() {
        assertThat(UnitParsers.ramInBytes("1.5k")).isEqualTo(1536);
        assertThat(UnitParsers.ramInBytes("0.1k")).isEqualTo(102);
    }

    @Test
    void malformedSizesFail() {
        assertThatThrownBy(() -> UnitParsers.ramInBytes("-1")).hasMessage("invalid size: '-1'");
        assertThatThrownBy(() -> UnitParsers.ramInBytes("b")).hasMessage("invalid size: 'b'");
        assertThatThrownBy(() -> UnitParsers.ramInBytes("1x")).hasMessage("invalid size: '1x'");
    }

    @Test
    void sizeWithSeveralDotsFailsLikeParseFloat() {
        assertThatThrownBy(() -> UnitParsers.ramInBytes("1.2.3")).hasMessage("strconv.ParseFloat: parsing \"1.2.3\": invalid syntax");
    }

    @Test
    void durationSumsItsParts() {
        assertThat(UnitParsers.goDuration("1h30m")).isEqualTo(5_400_000_000_000L);
        assertThat(UnitParsers.goDuration("1.5h")).isEqualTo(5_400_000_000_000L);
    }

    @Test
    void durationSmallUnits() {
        assertThat(UnitParsers.goDuration("2us")).isEqualTo(2_000);
        assertThat(UnitParsers.goDuration("2µs")).isEqualTo(2_000);
        assertThat(UnitParsers.goDuration("7ns")).isEqualTo(7);
    }

    @Test
    void durationSignAndBareFractions() {
        assertThat(UnitParsers.goDuration("-2s")).isEqualTo(-2_000_000_000L);
        assertThat(UnitParsers.goDuration("+5s")).isEqualTo(5_000_000_000L);
        assertThat(UnitParsers.goDuration(".5s")).isEqualTo(500_000_000L);
        assertThat(UnitParsers.goDuration("5.s")).isEqualTo(5_000_000_000L);
    }

    @Test
    void malformedDurationsFailWithGosMessages() {
        assertThatThrownBy(() -> UnitParsers.goDuration("")).hasMessage("time: invalid duration \"\"");
        assertThatThrownBy(() -> UnitParsers.goDuration(".s")).hasMessage("time: invalid duration \".s\"");
        assertThatThrownBy(() -> UnitParsers.goDuration("1x")).hasMessage("time: unknown unit \"x\" in duration \"1x\"");
        assertThatThrownBy(() -> UnitParsers.goDuration("-")).hasMessage("time: invalid duration \"-\"");
    }
}
