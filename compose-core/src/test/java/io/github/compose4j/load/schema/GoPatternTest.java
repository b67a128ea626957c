package io.github.compose4j.load.schema;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The hand-checked pattern shapes find exactly what the regular expression finds. */
class GoPatternTest {
    private static final List<String> TEXTS = List.of("", "x", "x-", "x-a", "ax-", "X-a", "svc_1.a-b", "a b",
            "bad!", "line\nbreak", "\n", "trailing\n", "\n\n", "é", "日本", "abc", "ABC", "a", "-", "_", ".");

    @ParameterizedTest
    @ValueSource(strings = {"^x-", "^[a-zA-Z0-9._-]+$", "^.+$", ".+", "^[a-z]+$", "^[a-z0-9][a-z0-9_-]*$",
            "^[^z]", "y$", "[0-9]{2}"})
    void agreesWithTheRegularExpression(String source) {
        GoPattern pattern = GoPattern.of(source);
        for (String text : TEXTS) {
            assertThat(pattern.find(text)).as("%s on %s", source, text)
                    .isEqualTo(GoRegex.compile(source).matcher(text).find());
        }
        assertThat(pattern.source()).isEqualTo(source);
    }
}
