package io.github.compose4j.load.schema;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Cases from Go's own time package tests, where Go's results are known. */
class GoDurationTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            0                          | 0
            -0                         | 0
            +0                         | 0
            5s                         | 5000000000
            -5s                        | -5000000000
            +5s                        | 5000000000
            -0s                        | 0
            5.s                        | 5000000000
            .5s                        | 500000000
            5.6s                       | 5600000000
            1.004s                     | 1004000000
            100.00100s                 | 100001000000
            10ns                       | 10
            11us                       | 11000
            12µs                       | 12000
            12μs                       | 12000
            13ms                       | 13000000
            15m                        | 900000000000
            16h                        | 57600000000000
            3h30m                      | 12600000000000
            10.5s4m                    | 250500000000
            -2m3.4s                    | -123400000000
            1h2m3s4ms5us6ns            | 3723004005006
            39h9m14.425s               | 140954425000000
            0.3333333333333333333h     | 1200000000000
            9007199254740993ns         | 9007199254740993
            9223372036854775807ns      | 9223372036854775807
            9223372036854775.807us     | 9223372036854775807
            9223372036s854ms775us807ns | 9223372036854775807
            -9223372036854775808ns     | -9223372036854775808
            -9223372036854775.808us    | -9223372036854775808
            0.100000000000000000000h   | 360000000000
            0.830103483285477580700h   | 2988372539827
            """)
    void parsesLikeGo(String text, long nanos) {
        assertThat(GoDuration.parseNanos(text)).isEqualTo(nanos);
        assertThat(GoDuration.parse(text)).isEqualTo(Duration.ofNanos(nanos));
        assertThat(GoDuration.isValid(text)).isTrue();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '\'', textBlock = """
            ''                       | time: invalid duration ""
            3                        | time: missing unit in duration "3"
            -                        | time: invalid duration "-"
            s                        | time: invalid duration "s"
            .                        | time: invalid duration "."
            -.                       | time: invalid duration "-."
            .s                       | time: invalid duration ".s"
            +.s                      | time: invalid duration "+.s"
            1d                       | time: unknown unit "d" in duration "1d"
            10x                      | time: unknown unit "x" in duration "10x"
            1µ                       | time: unknown unit "\\xc2\\xb5" in duration "1\\xc2\\xb5"
            1"s                      | time: unknown unit "\\"s" in duration "1\\"s"
            9223372036854775810ns    | time: invalid duration "9223372036854775810ns"
            9223372036854775808ns    | time: invalid duration "9223372036854775808ns"
            -9223372036854775809ns   | time: invalid duration "-9223372036854775809ns"
            9223372036854776us       | time: invalid duration "9223372036854776us"
            3000000h                 | time: invalid duration "3000000h"
            9223372036854775.808us   | time: invalid duration "9223372036854775.808us"
            9223372036s854ms775us808ns | time: invalid duration "9223372036s854ms775us808ns"
            """)
    void rejectsWithGosMessage(String text, String message) {
        assertThatThrownBy(() -> GoDuration.parseNanos(text))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage(message.replace("\\\\", "\\"));
        assertThat(GoDuration.isValid(text)).isFalse();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            0                    | 0s
            1                    | 1ns
            1100                 | 1.1µs
            2200000              | 2.2ms
            3300000000           | 3.3s
            245000000000         | 4m5s
            245001000000         | 4m5.001s
            18367001000000       | 5h6m7.001s
            480000000001         | 8m0.000000001s
            3600000000000        | 1h0m0s
            -1500000000          | -1.5s
            9223372036854775807  | 2562047h47m16.854775807s
            -9223372036854775808 | -2562047h47m16.854775808s
            """)
    void formatsLikeGo(long nanos, String text) {
        assertThat(GoDuration.format(nanos)).isEqualTo(text);
    }

    @Test
    void formatAndParseRoundTrip() {
        Duration d = Duration.ofMinutes(90).plusMillis(250);
        assertThat(GoDuration.parse(GoDuration.format(d))).isEqualTo(d);
    }
}
