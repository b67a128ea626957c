package io.github.compose4j.load.yaml;

import static io.github.compose4j.load.yaml.Yaml.error;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.compose4j.error.Failure;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Syntax errors: exit 15, positioned at the problem, worded like libyaml (which Compose uses). */
class SyntaxErrorsTest {

    @ParameterizedTest(name = "{1}")
    @CsvSource(delimiter = '|', value = {
        // conformance yaml-syntax-error
        "services:\\n  app:\\n    image: alpine\\n   command: bad-indent\\n | compose.yaml:4:4: yaml: did not find expected key",
        // conformance invalid-tab-indentation
        "services:\\n\\tapp:\\n\\t\\timage: alpine\\n | compose.yaml:2:1: yaml: found character that cannot start any token",
        // conformance podman-parse-error
        "version: \"3\"\\nservices:foo\\n    web1:\\n      image: busybox\\n | compose.yaml:2:1: yaml: could not find expected ':'",
        "a: b: c\\n | compose.yaml:1:5: yaml: mapping values are not allowed in this context",
        "a: [1, 2\\n | compose.yaml:2:1: yaml: did not find expected ',' or ']'",
        "a: {b: 1\\n | compose.yaml:2:1: yaml: did not find expected ',' or '}'",
        "- a\\nb: c\\n | compose.yaml:2:1: yaml: did not find expected '-' indicator",
        "a: \"open\\n | compose.yaml:2:1: yaml: found unexpected end of stream",
        "a: *zz\\n | compose.yaml:1:4: yaml: unknown anchor 'zz' referenced",
        "a: &a.b 1\\n | compose.yaml:1:6: yaml: did not find expected alphabetic or numeric character",
        "a: \\u0001\\n | compose.yaml:1:4: yaml: control characters are not allowed",
    })
    void reportsWhereAndWhat(String yaml, String message) {
        var e = error(yaml.replace("\\n", "\n").replace("\\t", "\t").replace("\\u0001", "\u0001"));
        assertThat(e.getMessage()).isEqualTo(message);
        assertThat(e.failure()).isEqualTo(Failure.COMPOSE_PARSE);
    }
}
