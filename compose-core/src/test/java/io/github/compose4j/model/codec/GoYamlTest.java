package io.github.compose4j.model.codec;

import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Scalar styles as gopkg.in/yaml.v3 writes them; expected texts are docker compose's {@code config} output. */
class GoYamlTest {
    private static String value(String s) {
        String out = GoYaml.dump(Map.of("k", s));
        return out.substring("k: ".length(), out.length() - 1);
    }

    @Test
    void stringsReadBackAsAnotherTypeAreDoubleQuoted() {
        for (String s : List.of("", "~", "null", "NULL", "true", "False", "1.0", "1e3", ".inf", "0x1F", "0o17", "+1",
                "012", "1_000", "2001-01-01")) {
            assertThat(value(s)).as(s).isEqualTo("\"" + s + "\"");
        }
    }

    @Test
    void yaml11BooleansAreDoubleQuoted() {
        for (String s : List.of("yes", "on", "No", "OFF", "y", "N")) {
            assertThat(value(s)).as(s).isEqualTo("\"" + s + "\"");
        }
    }

    @Test
    void sexagesimalNumbersAreDoubleQuoted() {
        assertThat(value("1:20")).isEqualTo("\"1:20\"");
        assertThat(value("12:30:45.5")).isEqualTo("\"12:30:45.5\"");
    }

    @Test
    void variableReferencesArePlain() {
        assertThat(value("${IMG}")).isEqualTo("${IMG}");
        assertThat(value("${A:-b}")).isEqualTo("${A:-b}");
    }

    @Test
    void ordinaryStringsArePlain() {
        assertThat(value("nginx:1.25")).isEqualTo("nginx:1.25");
        assertThat(value("<<")).isEqualTo("<<");
        assertThat(value("1.2.3")).isEqualTo("1.2.3");
    }

    @Test
    void stringsThatCannotBePlainAreSingleQuoted() {
        assertThat(value("-")).isEqualTo("'-'");
        assertThat(value("a: b")).isEqualTo("'a: b'");
        assertThat(value(" x")).isEqualTo("' x'");
    }

    @Test
    void keysFollowTheSameRules() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("1", "-");
        m.put("yes", "x");
        m.put("a b", "z");
        assertThat(GoYaml.dump(m)).isEqualTo("\"1\": '-'\n\"yes\": x\na b: z\n");
    }

    @Test
    void nonStringScalarsArePlain() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("i", 12L);
        m.put("b", true);
        m.put("z", null);
        m.put("f", 1.5);
        assertThat(GoYaml.dump(m)).isEqualTo("i: 12\nb: true\nz: null\nf: 1.5\n");
    }

    @Test
    void multilineStringsAreLiteralBlocks() {
        assertThat(GoYaml.dump(Map.of("k", "a\nb\n"))).isEqualTo("k: |\n  a\n  b\n");
    }

    private static String keys(String... keys) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (String k : keys) {
            m.put(k, 1L);
        }
        return GoYaml.dump(GoYaml.plain(m)).replace(": 1\n", " ").trim();
    }

    @Test
    void mapKeysSortNumbersInsideKeysByValue() {
        assertThat(keys("VAR10", "VAR2", "VAR1")).isEqualTo("VAR1 VAR2 VAR10");
    }

    @Test
    void mapKeysSortOtherCharactersBeforeLetters() {
        assertThat(keys("a10", "a2", "a1", "B", "_x", "1x", "a", "a.b", "ab")).isEqualTo("_x 1x B a a.b a1 a2 a10 ab");
    }

    @Test
    void mapKeysWithLeadingZerosSortAfterTheSameNumber() {
        assertThat(keys("x01", "x1", "x001")).isEqualTo("x1 x01 x001");
    }

    @Test
    void nestedExtensionMapsAreSortedToo() {
        io.github.compose4j.model.Project p = io.github.compose4j.testing.TestProjects.project(
                "services:\n  web:\n    image: x\n    x-svc:\n      b: 1\n      a: 2\nx-top:\n  z: 1\n  y: 2\n");
        String yaml = ProjectDocuments.yaml(p);
        assertThat(yaml).contains("    x-svc:\n      a: 2\n      b: 1\n").endsWith("x-top:\n  \"y\": 2\n  z: 1\n");
    }
}
