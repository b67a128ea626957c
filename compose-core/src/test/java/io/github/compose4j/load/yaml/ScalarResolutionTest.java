package io.github.compose4j.load.yaml;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Plain scalars resolve as go-yaml v3 resolves them into interface{} (checked against Compose 2.26.1). */
class ScalarResolutionTest {

    static Stream<Arguments> scalars() {
        return Stream.of(
                // null
                Arguments.of("~", null), Arguments.of("null", null), Arguments.of("Null", null),
                Arguments.of("NULL", null), Arguments.of("", null), Arguments.of("nULL", "nULL"),
                // booleans: YAML 1.2 core only
                Arguments.of("true", true), Arguments.of("True", true), Arguments.of("TRUE", true),
                Arguments.of("false", false), Arguments.of("False", false), Arguments.of("FALSE", false),
                Arguments.of("yes", "yes"), Arguments.of("no", "no"), Arguments.of("on", "on"),
                Arguments.of("off", "off"), Arguments.of("y", "y"), Arguments.of("tRUE", "tRUE"),
                // integers
                Arguments.of("0", 0L), Arguments.of("42", 42L), Arguments.of("+12", 12L), Arguments.of("-7", -7L),
                Arguments.of("0777", 511L), Arguments.of("0440", 288L), Arguments.of("-0777", -511L),
                Arguments.of("0o17", 15L), Arguments.of("0O17", 15L), Arguments.of("-0o17", -15L),
                Arguments.of("0x1F", 31L), Arguments.of("0X1f", 31L), Arguments.of("-0x1F", -31L),
                Arguments.of("+0x10", 16L), Arguments.of("0b101", 5L), Arguments.of("0b_1", 1L),
                Arguments.of("1_000", 1000L), Arguments.of("1__0", 10L), Arguments.of("0x_1F", 31L),
                Arguments.of("9223372036854775807", Long.MAX_VALUE),
                Arguments.of("-9223372036854775808", Long.MIN_VALUE),
                // beyond int64: uint64 kept exact as text, then float, then string
                Arguments.of("9223372036854775808", "9223372036854775808"),
                Arguments.of("18446744073709551615", "18446744073709551615"),
                Arguments.of("0xFFFFFFFFFFFFFFFF", "18446744073709551615"),
                Arguments.of("99999999999999999999", 1e20),
                Arguments.of("-9223372036854775809", -9.223372036854775809e18),
                Arguments.of("0xFFFFFFFFFFFFFFFFFF", "0xFFFFFFFFFFFFFFFFFF"),
                // floats
                Arguments.of("1.5", 1.5), Arguments.of("1.50", 1.5), Arguments.of("1e3", 1000.0),
                Arguments.of("1E3", 1000.0), Arguments.of("1e+3", 1000.0), Arguments.of("6e-1", 0.6),
                Arguments.of("1.", 1.0), Arguments.of(".5", 0.5), Arguments.of("+.5", 0.5),
                Arguments.of("-1.25", -1.25), Arguments.of("08", 8.0), Arguments.of("09.5", 9.5),
                Arguments.of("1.5_0", 1.5), Arguments.of("0.1e1_0", 1e9), Arguments.of(".5_5", 0.55),
                Arguments.of("._5", "._5"), Arguments.of("12e", "12e"), Arguments.of("1e999", "1e999"),
                Arguments.of(".inf", Double.POSITIVE_INFINITY), Arguments.of(".Inf", Double.POSITIVE_INFINITY),
                Arguments.of("+.INF", Double.POSITIVE_INFINITY), Arguments.of("-.inf", Double.NEGATIVE_INFINITY),
                Arguments.of(".nan", Double.NaN), Arguments.of(".NaN", Double.NaN), Arguments.of("inf", "inf"),
                Arguments.of("1_000.5", 1000.5),
                // strings that look like numbers
                Arguments.of("0x", "0x"), Arguments.of("0o", "0o"), Arguments.of("0b", "0b"), Arguments.of("-x", "-x"), Arguments.of("+", "+"),
                Arguments.of("8080:80", "8080:80"), Arguments.of("1.2.3", "1.2.3"), Arguments.of("_1", "_1"),
                Arguments.of("3.19", 3.19), Arguments.of("alpine:3.19", "alpine:3.19"),
                // quoted scalars are always strings
                Arguments.of("\"08\"", "08"), Arguments.of("'true'", "true"), Arguments.of("\"~\"", "~"),
                Arguments.of("''", ""), Arguments.of("\"123\"", "123"));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @MethodSource("scalars")
    void resolvesLikeGoYaml(String text, Object expected) {
        assertThat(Yaml.scalar(text)).isEqualTo(expected);
    }

    @Test
    void blockScalarsAreStrings() {
        assertThat(Yaml.scalar("|\n  123\n")).isEqualTo("123\n");
        assertThat(Yaml.scalar(">-\n  true\n")).isEqualTo("true");
    }

    @Test
    void timestampsBecomeGoTimeText() {
        // go-yaml v3.0.1 decodes them as time.Time; Compose then shows them with fmt.Sprint.
        assertThat(Yaml.scalar("2001-12-14")).isEqualTo("2001-12-14 00:00:00 +0000 UTC");
        assertThat(Yaml.scalar("2001-12-14 21:59:43.10")).isEqualTo("2001-12-14 21:59:43.1 +0000 UTC");
        assertThat(Yaml.scalar("2001-12-14t21:59:43.10+00:00")).isEqualTo("2001-12-14 21:59:43.1 +0000 UTC");
        assertThat(Yaml.scalar("2001-1-2T3:4:5Z")).isEqualTo("2001-01-02 03:04:05 +0000 UTC");
        assertThat(Yaml.scalar("2001-12-14T21:59:43.5+05:30")).isEqualTo("2001-12-14 21:59:43.5 +0530 +0530");
        assertThat(Yaml.scalar("2001-12-14T21:59:43.123456789123Z"))
                .isEqualTo("2001-12-14 21:59:43.123456789 +0000 UTC");
        assertThat(Yaml.scalar("2000-02-29")).isEqualTo("2000-02-29 00:00:00 +0000 UTC");
    }

    @Test
    void invalidTimestampsStayAsWritten() {
        assertThat(Yaml.scalar("2001-02-29")).isEqualTo("2001-02-29");
        assertThat(Yaml.scalar("2001-13-01")).isEqualTo("2001-13-01");
        assertThat(Yaml.scalar("2001-12-14T24:00:00Z")).isEqualTo("2001-12-14T24:00:00Z");
        assertThat(Yaml.scalar("2001-12-14 21:59:43.10 -5")).isEqualTo("2001-12-14 21:59:43.10 -5");
        assertThat(Yaml.scalar("\"2001-12-14\"")).isEqualTo("2001-12-14");
    }
}
