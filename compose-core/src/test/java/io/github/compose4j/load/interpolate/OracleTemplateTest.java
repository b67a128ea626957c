package io.github.compose4j.load.interpolate;

import static io.github.compose4j.load.interpolate.OracleCases.strings;
import static io.github.compose4j.load.interpolate.OracleCases.textOrNull;
import static io.github.compose4j.load.interpolate.Trees.map;
import static io.github.compose4j.load.interpolate.Trees.valueAt;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.compose4j.load.tree.MapNode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Generated templates checked against recordings of Docker Compose: each was the value of
 * {@code services.app.environment.V}, with A=a, B=b and E set to the empty string.
 */
class OracleTemplateTest {
    private static final Lookup ENV = Lookup.of(Map.of("A", "a", "B", "b", "E", ""));

    static Stream<Arguments> templates() {
        return OracleCases.read(OracleTemplateTest.class, "oracle-templates.jsonl").stream()
                .map(c -> Arguments.of(c.get(0).asText(), textOrNull(c.get(1)), textOrNull(c.get(2)), strings(c.get(3))));
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @MethodSource("templates")
    void interpolatesLikeDockerCompose(String template, String value, String error, List<String> warnings) {
        MapNode root = map("services", map("app", map("environment", map("V", template))));
        List<String> seen = new ArrayList<>();
        if (error != null) {
            assertThatThrownBy(() -> Interpolator.interpolate(root, ENV, seen::add)).hasMessage(error);
        } else {
            MapNode out = Interpolator.interpolate(root, ENV, seen::add);
            assertThat(valueAt(out, "services", "app", "environment", "V")).isEqualTo(value);
        }
        assertThat(seen).containsExactlyInAnyOrderElementsOf(warnings);
    }

    static Stream<Arguments> variables() {
        return OracleCases.read(OracleTemplateTest.class, "oracle-variables.jsonl").stream()
                .map(c -> Arguments.of(c.get(0).asText(), c.get(1)));
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @MethodSource("variables")
    void listsVariablesLikeDockerCompose(String template, JsonNode rows) {
        List<List<String>> expected = new ArrayList<>();
        rows.forEach(r -> expected.add(strings(r)));
        List<List<String>> actual = new ArrayList<>();
        for (Variable v : Template.extractVariables(map("environment", map("V", template))).values()) {
            actual.add(List.of(v.name(), Boolean.toString(v.required()), v.defaultValue(), v.presenceValue()));
        }
        Comparator<List<String>> byText = Comparator.comparing(Object::toString);
        expected.sort(byText);
        actual.sort(byText);
        assertThat(actual).isEqualTo(expected);
    }
}
