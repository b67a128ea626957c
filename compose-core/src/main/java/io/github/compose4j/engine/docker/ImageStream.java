package io.github.compose4j.engine.docker;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.dockerjava.transport.DockerHttpClient;
import io.github.compose4j.engine.EngineException;
import io.github.compose4j.engine.PullProgress;
import java.io.IOException;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The JSON messages of a pull or push, read to the end: progress handed on, the first error the engine
 * reports in the stream ({@code errorDetail.message}, else {@code error}) returned. The engine answers
 * 200 before it talks to the registry, so most registry failures arrive this way, not as a status.
 */
final class ImageStream {
    private ImageStream() {
    }

    static Optional<EngineException> read(DockerHttpClient.Response response, Consumer<PullProgress> progress) {
        EngineException failure = null;
        try (response; EngineJson.Values values = EngineJson.values(response.getBody())) {
            for (JsonNode m = values.next(); m != null; m = values.next()) {
                String error = m.path("errorDetail").path("message").asText("");
                if (error.isEmpty()) {
                    error = m.path("error").asText("");
                }
                if (!error.isEmpty()) {
                    if (failure == null) {
                        failure = new EngineException(EngineException.Kind.OTHER, error);
                    }
                    continue;
                }
                JsonNode detail = m.path("progressDetail");
                progress.accept(new PullProgress(m.path("id").asText(""), m.path("status").asText(""),
                    detail.path("current").asLong(0), detail.path("total").asLong(0)));
            }
        } catch (IOException e) {
            if (failure == null) {
                failure = new EngineException(EngineException.Kind.UNAVAILABLE,
                    "reading the engine's progress: " + e.getMessage(), e);
            }
        }
        return Optional.ofNullable(failure);
    }
}
