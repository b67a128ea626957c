package io.github.compose4j.engine.docker;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.dockerjava.transport.DockerHttpClient;
import io.github.compose4j.engine.EngineEvent;
import io.github.compose4j.engine.EngineException;
import io.github.compose4j.engine.EventFeed;
import java.io.IOException;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;

/** The engine's event stream: JSON values one after another, read one at a time. */
final class EventStream implements EventFeed {
    private final DockerHttpClient.Response response;
    private final AtomicBoolean closed = new AtomicBoolean();
    private EngineJson.Values values;

    EventStream(DockerHttpClient.Response response) {
        this.response = response;
    }

    @Override
    public Optional<EngineEvent> next() {
        try {
            if (values == null) {
                values = EngineJson.values(response.getBody());
            }
            JsonNode json = values.next();
            return json == null ? Optional.empty() : Optional.of(Summaries.event(json));
        } catch (IOException e) {
            if (closed.get()) {
                return Optional.empty();
            }
            throw new EngineException(EngineException.Kind.OTHER, "reading engine events: " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        if (closed.compareAndSet(false, true)) {
            response.close();
        }
    }
}
