package io.github.compose4j.load.yaml;

import static io.github.compose4j.load.yaml.Yaml.doc;
import static io.github.compose4j.load.yaml.Yaml.error;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.compose4j.load.tree.MapNode;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** Mapping keys: compose-go accepts only keys go-yaml decodes as strings. */
class KeysTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "services: {null: {image: alpine}}          | compose.yaml:1:12: Non-string key in services: <nil>",
        "services: {a: {labels: {80: x}}}           | compose.yaml:1:25: Non-string key in services.a.labels: 80",
        "services: {a: {labels: {true: x}}}         | compose.yaml:1:25: Non-string key in services.a.labels: true",
        "x: {1.5: x}                                | compose.yaml:1:5: Non-string key in x: 1.5",
        "x-v: {1e6: x}                              | compose.yaml:1:7: Non-string key in x-v: 1e+06",
        "80: x                                      | compose.yaml:1:1: Non-string key at top level: 80",
        "x-v: [{a: {18446744073709551615: x}}]      | compose.yaml:1:12: Non-string key in x-v[0].a: 0xffffffffffffffff",
        "x: [{a: {2001-12-14: x}}]                  | compose.yaml:1:10: Non-string key in x[0].a: time.Date(2001, time.December, 14, 0, 0, 0, 0, time.UTC)",
        "x: {0x10: x, 16: y}                        | compose.yaml:1:14: Non-string key in x: 16",
    })
    void nonStringKeysAreRefused(String yaml, String message) {
        assertThat(error(yaml + "\n").getMessage()).isEqualTo(message);
        assertThat(error(yaml + "\n").exitCode()).isEqualTo(15);
    }

    @Test
    void keysDecodingToStringsAreAccepted() {
        MapNode m = doc("x: {!custom 80: a, !!str 81: b, \"82\": c, !!binary aGVsbG8=: d, 'true': e, ~x: f}\n");
        assertThat(((MapNode) m.get("x")).keys()).containsExactly("80", "81", "82", "hello", "true", "~x");
    }

    @Test
    void complexKeysAreRefused() {
        assertThat(error("x-v: {? [a]: 1}\n").getMessage())
                .isEqualTo("compose.yaml:1:9: yaml: invalid map key: []interface {}{\"a\"}");
    }

    @Test
    void duplicateKeysAreReportedAsGoYamlDoes() {
        // conformance case yaml-duplicate-key
        assertThat(error("""
                services:
                  app:
                    image: alpine
                    image: busybox
                """).getMessage()).isEqualTo("compose.yaml:4:5: yaml: mapping key \"image\" already defined at line 3");
    }

    @Test
    void duplicatesCompareTheTextNotTheValue() {
        assertThat(error("x: {\"80\": x, 80: y}\n").getMessage())
                .isEqualTo("compose.yaml:1:14: yaml: mapping key \"80\" already defined at line 1");
        assertThat(error("x: {a: 1, 'a': 2}\n").getMessage()).contains("mapping key \"a\" already defined");
    }

    @Test
    void everyDuplicatePairIsListedInGoYamlOrder() {
        String message = error("x: {k: 1, k: 2, j: 1, j: 2, k: 3}\ny: {z: 1, z: 2}\n").getMessage();
        assertThat(message.split("\n")).containsExactly(
                "compose.yaml:1:11: yaml: mapping key \"k\" already defined at line 1",
                "compose.yaml:1:29: yaml: mapping key \"k\" already defined at line 1",
                "compose.yaml:1:29: yaml: mapping key \"k\" already defined at line 1",
                "compose.yaml:1:23: yaml: mapping key \"j\" already defined at line 1",
                "compose.yaml:2:11: yaml: mapping key \"z\" already defined at line 2");
    }

    @Test
    void duplicateKeyErrorsComeBeforeNonStringKeys() {
        assertThat(error("a: {80: x}\nb: {c: 1, c: 2}\n").getMessage()).contains("mapping key \"c\"");
    }

    @Test
    void keysWithSpecialCharactersAreQuotedLikeGo() {
        assertThat(error("x: {\"a\\tb\": 1, \"a\\tb\": 2}\n").getMessage()).contains("mapping key \"a\\tb\"");
    }
}
