package io.github.compose4j.engine.docker;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.dockerjava.transport.DockerHttpClient;
import io.github.compose4j.engine.EngineEvent;
import io.github.compose4j.engine.EngineException;
import io.github.compose4j.engine.EventFeed;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;

/** The engine's event stream: one JSON object a line. */
final class EventStream implements EventFeed {
    private final DockerHttpClient.Response response;
    private final BufferedReader lines;
    private final AtomicBoolean closed = new AtomicBoolean();

    EventStream(DockerHttpClient.Response response) {
        this.response = response;
        this.lines = new BufferedReader(new InputStreamReader(response.getBody(), StandardCharsets.UTF_8));
    }

    @Override
    public Optional<EngineEvent> next() {
        try {
            String line;
            while ((line = lines.readLine()) != null) {
                if (line.isBlank()) {
                    continue;
                }
                return Optional.of(event(EngineJson.MAPPER.readTree(line)));
            }
            return Optional.empty();
        } catch (IOException e) {
            if (closed.get()) {
                return Optional.empty();
            }
            throw new EngineException(EngineException.Kind.OTHER, "reading engine events: " + e.getMessage(), e);
        }
    }

    static EngineEvent event(JsonNode json) {
        Map<String, String> attributes = new LinkedHashMap<>();
        json.path("Actor").path("Attributes").fields().forEachRemaining(e -> attributes.put(e.getKey(),
            e.getValue().asText("")));
        String id = json.path("Actor").path("ID").asText(json.path("id").asText(""));
        long nanos = json.path("timeNano").asLong(json.path("time").asLong(0) * 1_000_000_000L);
        return new EngineEvent(json.path("Action").asText(json.path("status").asText("")), id, nanos, attributes);
    }

    @Override
    public void close() {
        if (closed.compareAndSet(false, true)) {
            response.close();
        }
    }
}
