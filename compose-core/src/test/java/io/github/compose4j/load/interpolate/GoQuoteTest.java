package io.github.compose4j.load.interpolate;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class GoQuoteTest {
    @ParameterizedTest
    @CsvSource(value = {
            "plain|\"plain\"",
            "a\"b|\"a\\\"b\"",
            "back\\slash|\"back\\\\slash\"",
            "é ü|\"é ü\""},
            delimiter = '|')
    void quotesPrintableText(String input, String expected) {
        assertThat(GoQuote.quote(input)).isEqualTo(expected);
    }

    @org.junit.jupiter.api.Test
    void escapesControlAndInvisibleCharacters() {
        assertThat(GoQuote.quote("a\nb\tc\r\u0007\u000b\f\b")).isEqualTo("\"a\\nb\\tc\\r\\a\\v\\f\\b\"");
        assertThat(GoQuote.quote("\u0001\u007f")).isEqualTo("\"\\x01\\x7f\"");
        assertThat(GoQuote.quote("\ufeff\u00a0")).isEqualTo("\"\\ufeff\\u00a0\"");
        assertThat(GoQuote.quote("\uD834\uDD1E")).isEqualTo("\"\uD834\uDD1E\"");
    }
}
