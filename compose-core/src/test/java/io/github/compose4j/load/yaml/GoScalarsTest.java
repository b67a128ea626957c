package io.github.compose4j.load.yaml;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class GoScalarsTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
        "1000000, 1e+06", "123456, 123456", "123456789, 1.23456789e+08", "1.5, 1.5", "0.0001, 0.0001",
        "0.00001, 1e-05", "-2.5e-7, -2.5e-07", "1e21, 1e+21", "100, 100", "0.1, 0.1"})
    void floatsFormatLikeGoPercentV(double value, String expected) {
        assertThat(GoScalars.formatFloatV(value)).isEqualTo(expected);
    }

    @Test
    void specialFloats() {
        assertThat(GoScalars.formatFloatV(Double.NaN)).isEqualTo("NaN");
        assertThat(GoScalars.formatFloatV(Double.NEGATIVE_INFINITY)).isEqualTo("-Inf");
        assertThat(GoScalars.formatFloatV(-0.0)).isEqualTo("-0");
    }

    @Test
    void stringsQuoteLikeStrconvQuote() {
        assertThat(GoScalars.quote("image")).isEqualTo("\"image\"");
        assertThat(GoScalars.quote("a\"b\\c\n\t\u0001é\u200b")).isEqualTo("\"a\\\"b\\\\c\\n\\t\\x01é\\u200b\"");
    }

    @Test
    void sharpVOfKeys() {
        assertThat(GoScalars.goSharpV(null)).isEqualTo("<nil>");
        assertThat(GoScalars.goSharpV(80L)).isEqualTo("80");
        assertThat(GoScalars.goSharpV(true)).isEqualTo("true");
        assertThat(GoScalars.goSharpV(new GoScalars.GoUint(-1L))).isEqualTo("0xffffffffffffffff");
        assertThat(GoScalars.goSharpV(GoTimestamp.parse("2001-12-14t21:59:43.10-05:00")))
                .isEqualTo("time.Date(2001, time.December, 14, 21, 59, 43, 100000000, time.Location(\"\"))");
    }

    @ParameterizedTest
    @ValueSource(strings = {"image", "./conf:/conf:ro", "service_started", "~x", "nulls", "tRUE", "yes", "off",
        "$HOME", "<<", ".", "./5", "a:b"})
    void theStringShortcutHoldsForText(String text) {
        assertThat(GoScalars.isPlainString(text)).isTrue();
        assertThat(GoScalars.resolve(null, text)).isEqualTo(new GoScalars.Resolved(GoScalars.STR, text));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "~", "null", "Null", "NULL", "true", "True", "FALSE", ".5", ".inf", ".NaN", "-1",
        "+.5", "0x1f", "1e3", "2001-12-14", "12"})
    void theStringShortcutLeavesEverythingElseToResolution(String text) {
        assertThat(GoScalars.isPlainString(text)).isFalse();
    }

    @Test
    void shortTags() {
        assertThat(GoScalars.shortTag("tag:yaml.org,2002:int")).isEqualTo("!!int");
        assertThat(GoScalars.shortTag("!reset")).isEqualTo("!reset");
    }
}
