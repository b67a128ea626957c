package io.github.compose4j.engine.docker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** {@link EngineJson} reads and writes what an unconfigured {@link ObjectMapper} does. */
class EngineJsonTest {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final String DOCUMENT = "{\"s\":\"a\\\"b\\u00e9\\n/<>&\",\"i\":7,\"l\":12345678901,"
        + "\"big\":123456789012345678901234567890,\"d\":1.5,\"e\":-2.5E-3,\"t\":true,\"f\":false,\"n\":null,"
        + "\"a\":[1,[],{}],\"o\":{\"z\":1,\"a\":2},\"dup\":1,\"dup\":2}";

    @Test
    void readsTheTreeAnObjectMapperReads() throws IOException {
        assertThat(EngineJson.read(DOCUMENT.getBytes(StandardCharsets.UTF_8))).isEqualTo(MAPPER.readTree(DOCUMENT));
    }

    @Test
    void writesTheBytesAnObjectMapperWrites() throws IOException {
        JsonNode tree = MAPPER.readTree(DOCUMENT);

        assertThat(EngineJson.write(tree)).isEqualTo(MAPPER.writeValueAsBytes(tree));
    }

    @Test
    void anEmptyDocumentIsMissing() throws IOException {
        assertThat(EngineJson.read(new byte[0]).isMissingNode()).isTrue();
        assertThat(EngineJson.read("  ").isMissingNode()).isTrue();
    }

    @Test
    void malformedJsonIsAnIoError() {
        assertThatThrownBy(() -> EngineJson.read("{\"a\":")).isInstanceOf(IOException.class);
    }
}
