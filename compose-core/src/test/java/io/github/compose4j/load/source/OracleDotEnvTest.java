package io.github.compose4j.load.source;

import static io.github.compose4j.load.interpolate.OracleCases.strings;
import static io.github.compose4j.load.interpolate.OracleCases.textOrNull;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.compose4j.load.interpolate.OracleCases;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Generated env files checked against recordings of Docker Compose reading them as a service
 * {@code env_file}, with A=a and E set to the empty string in the project environment.
 */
class OracleDotEnvTest {
    private static final Map<String, String> ENV = Map.of("A", "a", "E", "");

    static Stream<Arguments> files() {
        return OracleCases.read(OracleDotEnvTest.class, "oracle-dotenv.jsonl").stream()
                .map(c -> Arguments.of(c.get(0).asText(), c.get(1), textOrNull(c.get(2)), strings(c.get(3))));
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @MethodSource("files")
    void parsesLikeDockerCompose(String content, JsonNode values, String error, List<String> warnings) {
        List<String> seen = new ArrayList<>();
        if (error != null) {
            assertThatThrownBy(() -> DotEnv.parse("app.env", content, ENV::get, seen::add))
                    .isInstanceOfSatisfying(DotEnvException.class, e -> assertThat(e.reason()).isEqualTo(error));
        } else {
            Map<String, String> expected = new LinkedHashMap<>();
            values.fields().forEachRemaining(e -> expected.put(e.getKey(), e.getValue().asText()));
            assertThat(DotEnv.parse("app.env", content, ENV::get, seen::add)).containsExactlyInAnyOrderEntriesOf(expected);
        }
        assertThat(seen).containsExactlyInAnyOrderElementsOf(warnings);
    }
}
