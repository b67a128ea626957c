package io.github.compose4j.load.interpolate;

import static io.github.compose4j.load.interpolate.Trees.map;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class TemplateVariablesTest {
    private static Variable v(String name, String dflt, String alt, boolean required) {
        return new Variable(name, dflt, alt, required);
    }

    private static Map<String, Variable> of(String value) {
        return Template.extractVariables(map("x", value));
    }

    static Stream<Arguments> syntaxes() {
        return Stream.of(
                Arguments.of("$PLAIN", List.of(v("PLAIN", "", "", false))),
                Arguments.of("${BRACED}", List.of(v("BRACED", "", "", false))),
                Arguments.of("${TAG:-latest}", List.of(v("TAG", "latest", "", false))),
                Arguments.of("${DASH-dflt}", List.of(v("DASH", "dflt", "", false))),
                Arguments.of("${REQ:?need it}", List.of(v("REQ", "", "", true))),
                Arguments.of("${REQ?}", List.of(v("REQ", "", "", true))),
                Arguments.of("${ALT:+alternate}", List.of(v("ALT", "", "alternate", false))),
                Arguments.of("${ALT+alternate}", List.of(v("ALT", "", "alternate", false))),
                Arguments.of("${VAR1:-x}", List.of(v("VAR1", "x", "", false))),
                // Only the operator right after the name counts.
                Arguments.of("${Q:-what?}", List.of(v("Q", "what?", "", false))),
                Arguments.of("${T:+a:-b}", List.of(v("T", "", "a:-b", false))),
                Arguments.of("${U-:?x}", List.of(v("U", ":?x", "", false))),
                // Variables in a default or an alternate are listed too.
                Arguments.of("${A:-${B:-x}}", List.of(v("A", "${B:-x}", "", false), v("B", "x", "", false))),
                Arguments.of("${A:+$B}", List.of(v("A", "", "$B", false), v("B", "", "", false))),
                Arguments.of("${R:-x}and${S}", List.of(v("S", "", "", false), v("R", "x", "", false))),
                Arguments.of("$$ESCAPED", List.of()),
                // Compose lists an invalid ${} as a variable with an empty name.
                Arguments.of("${}", List.of(v("", "", "", false))),
                Arguments.of("no variable", List.of()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("syntaxes")
    void describesEachSyntaxLikeCompose(String value, List<Variable> expected) {
        assertThat(of(value).values()).containsExactlyElementsOf(expected);
    }

    @Test
    void laterOccurrenceOfANameWins() {
        assertThat(of("${A:-x}${A}")).containsExactly(Map.entry("A", v("A", "x", "", false)));
    }

    @Test
    void looksIntoNestedMappingsButNotIntoKeys() {
        Map<String, Variable> vars = Template.extractVariables(map(
                "services", map("app", map(
                        "image", "nginx:${TAG:-latest}",
                        "environment", map("${KEY}", "$VALUE")))));
        assertThat(vars).containsOnlyKeys("TAG", "VALUE");
    }

    @Test
    void looksAtStringItemsOfSequencesOnly() {
        Map<String, Variable> vars = Template.extractVariables(map(
                "command", List.of("${IN_LIST:-l}", 42),
                "ports", List.of(map("target", "${IN_MAP_IN_LIST}")),
                "nested", List.of(List.of("${IN_NESTED_LIST}"))));
        assertThat(vars).containsOnlyKeys("IN_LIST");
    }

    @Test
    void ignoresNonStringScalars() {
        assertThat(Template.extractVariables(map("a", 1, "b", true, "c", null))).isEmpty();
    }

    @Test
    void listsVariablesOfALongLineWithoutRecursion() {
        String line = "${A:-x} $B ${C:-${D}}} ".repeat(50_000);
        assertThat(of(line)).containsOnlyKeys("A", "B", "C", "D");
    }
}
