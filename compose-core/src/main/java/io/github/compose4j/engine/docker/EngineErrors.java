package io.github.compose4j.engine.docker;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.dockerjava.api.exception.DockerClientException;
import com.github.dockerjava.api.exception.DockerException;
import io.github.compose4j.engine.EngineException;
import io.github.compose4j.engine.EngineException.Kind;
import io.github.compose4j.error.ComposeException;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * Turns what docker-java and the transport throw into {@link EngineException}s. Daemon errors keep the wording the
 * docker CLI prints ({@code Error response from daemon: <message>}).
 */
final class EngineErrors {
    static final String DAEMON_PREFIX = "Error response from daemon: ";

    private EngineErrors() {
    }

    /** The kind of an HTTP error status of the Engine API. */
    static Kind kindOf(int status) {
        return switch (status) {
            case 404 -> Kind.NOT_FOUND;
            case 409 -> Kind.CONFLICT;
            case 400 -> Kind.INVALID;
            default -> Kind.OTHER;
        };
    }

    /** An error reply of the daemon: its JSON {@code message}, or the body as it is when it is not JSON. */
    static EngineException fromReply(int status, String body) {
        return new EngineException(kindOf(status), DAEMON_PREFIX + daemonMessage(body, status));
    }

    static EngineException map(RuntimeException e) {
        if (e instanceof EngineException engine) {
            return engine;
        }
        if (e instanceof DockerException docker) {
            return new EngineException(kindOf(docker.getHttpStatus()),
                DAEMON_PREFIX + daemonMessage(bodyOf(docker), docker.getHttpStatus()), e);
        }
        if (e instanceof ComposeException || e instanceof UncheckedIOException
            || e.getCause() instanceof IOException) {
            // The transport could not reach the daemon or lost it mid-exchange.
            return new EngineException(Kind.UNAVAILABLE, e.getMessage(), e);
        }
        if (e instanceof DockerClientException) {
            return new EngineException(Kind.OTHER, e.getMessage(), e);
        }
        return new EngineException(Kind.OTHER, String.valueOf(e.getMessage()), e);
    }

    /** docker-java puts the reply body after {@code "Status NNN: "}. */
    private static String bodyOf(DockerException e) {
        String message = e.getMessage() == null ? "" : e.getMessage();
        String prefix = "Status " + e.getHttpStatus() + ": ";
        return message.startsWith(prefix) ? message.substring(prefix.length()) : message;
    }

    static String daemonMessage(String body, int status) {
        String trimmed = body == null ? "" : body.strip();
        if (trimmed.startsWith("{")) {
            try {
                JsonNode message = EngineJson.read(trimmed).path("message");
                if (message.isTextual()) {
                    return message.asText();
                }
            } catch (IOException notJson) {
                // fall through to the raw body
            }
        }
        return trimmed.isEmpty() ? "HTTP status " + status : trimmed;
    }
}
