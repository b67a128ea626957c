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
}
