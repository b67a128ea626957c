package io.github.compose4j.engine.docker;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;

/** The JSON codec of requests docker-java cannot express; created on first use, unconfigured (trees only). */
final class EngineJson {
    static final ObjectMapper MAPPER = new ObjectMapper();
    static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private EngineJson() {
    }
}
