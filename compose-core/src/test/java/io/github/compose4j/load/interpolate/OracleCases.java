package io.github.compose4j.load.interpolate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Reads recordings of the installed Docker Compose v2.26.1's behaviour: one JSON array per line.
 * Each was made by writing a generated input into a one-service project, running
 * {@code docker compose -p t -f c.yaml config --format json} (or {@code --variables}) in an
 * environment holding only the variables the test names, and keeping the value, the error text
 * and the warnings it printed.
 */
public final class OracleCases {
    private static final ObjectMapper JSON = new ObjectMapper();

    private OracleCases() {
    }

    public static List<JsonNode> read(Class<?> owner, String resource) {
        List<JsonNode> cases = new ArrayList<>();
        try (BufferedReader in = new BufferedReader(new InputStreamReader(
                Objects.requireNonNull(owner.getResourceAsStream(resource), resource), StandardCharsets.UTF_8))) {
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                if (!line.isBlank()) {
                    cases.add(JSON.readTree(line));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return cases;
    }

    public static String textOrNull(JsonNode node) {
        return node == null || node.isNull() ? null : node.asText();
    }

    public static List<String> strings(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asText()));
        return out;
    }
}
