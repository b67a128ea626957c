package io.github.compose4j.load.interpolate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

class GoStrconvTest {
    @ParameterizedTest
    @CsvSource({"0,0", "42,42", "+7,7", "-12,-12", "007,7", "9223372036854775807,9223372036854775807",
            "-9223372036854775808,-9223372036854775808"})
    void atoiAcceptsSignedDecimals(String text, long expected) throws Exception {
        assertThat(GoStrconv.atoi(text)).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource(value = {
            "''|strconv.Atoi: parsing \"\": invalid syntax",
            "+|strconv.Atoi: parsing \"+\": invalid syntax",
            "1_0|strconv.Atoi: parsing \"1_0\": invalid syntax",
            "0x10|strconv.Atoi: parsing \"0x10\": invalid syntax",
            "' 1'|strconv.Atoi: parsing \" 1\": invalid syntax",
            "1.0|strconv.Atoi: parsing \"1.0\": invalid syntax",
            "9223372036854775808|strconv.Atoi: parsing \"9223372036854775808\": value out of range",
            "-9223372036854775809|strconv.Atoi: parsing \"-9223372036854775809\": value out of range",
            // Go notices the overflow before it reaches the bad character.
            "99999999999999999999x|strconv.Atoi: parsing \"99999999999999999999x\": value out of range"},
            delimiter = '|')
    void atoiRejectsLikeGo(String text, String message) {
        assertThatThrownBy(() -> GoStrconv.atoi(text)).hasMessage(message);
    }

    @Test
    void parseIntNamesItsFunction() {
        assertThatThrownBy(() -> GoStrconv.parseInt64("x")).hasMessage("strconv.ParseInt: parsing \"x\": invalid syntax");
    }

    static Stream<Arguments> floats() {
        return Stream.of(
                Arguments.of("1.5", 1.5), Arguments.of(".5", 0.5), Arguments.of("5.", 5.0),
                Arguments.of("-1e3", -1000.0), Arguments.of("1E-2", 0.01), Arguments.of("1_000.5", 1000.5),
                Arguments.of("0x1p-2", 0.25), Arguments.of("0X1.8P1", 3.0), Arguments.of("0x_1p0", 1.0),
                Arguments.of("1e-400", 0.0), Arguments.of("inf", Double.POSITIVE_INFINITY),
                Arguments.of("-Infinity", Double.NEGATIVE_INFINITY), Arguments.of("NaN", Double.NaN));
    }

    @ParameterizedTest
    @MethodSource("floats")
    void parseFloatAcceptsGoSyntax(String text, double expected) throws Exception {
        assertThat(Double.valueOf(GoStrconv.parseFloat(text, 64))).isEqualTo(Double.valueOf(expected));
    }

    @ParameterizedTest
    @CsvSource({"''", "x", "1e", "1e+", "0x1", "0x1.8", "1_", "_1", "1__0", "1_.5", "+nan", "infin", "1.5f", "1d",
            "' 1'", "1.2.3", "."})
    void parseFloatRejectsWhatGoRejects(String text) {
        assertThatThrownBy(() -> GoStrconv.parseFloat(text, 64))
                .hasMessage("strconv.ParseFloat: parsing " + GoQuote.quote(text) + ": invalid syntax");
    }

    @Test
    void parseFloatReportsOverflowForItsSize() throws Exception {
        assertThatThrownBy(() -> GoStrconv.parseFloat("1e400", 64))
                .hasMessage("strconv.ParseFloat: parsing \"1e400\": value out of range");
        assertThatThrownBy(() -> GoStrconv.parseFloat("1e39", 32))
                .hasMessage("strconv.ParseFloat: parsing \"1e39\": value out of range");
        assertThat(GoStrconv.parseFloat("1e39", 64)).isEqualTo(1e39);
    }

    @Test
    void parseFloat32RoundsToFloat() throws Exception {
        assertThat(GoStrconv.parseFloat("0.1000000001", 32)).isEqualTo((double) 0.1f);
    }
}
