package io.github.compose4j.api;

import io.github.compose4j.error.ComposeException;
import io.github.compose4j.error.Failure;

/**
 * A service did not become ready: it exited with an error, turned unhealthy, or the timeout passed. The message
 * says which service, its container's state, its health check's last results and its last log lines.
 */
public final class NotReadyException extends ComposeException {
    private static final long serialVersionUID = 1L;

    private final String service;

    /** A service that is not ready, with the diagnostic message. */
    public NotReadyException(String service, String message) {
        super(Failure.GENERAL, message);
        this.service = service;
    }

    /** The service that was not ready. */
    public String service() {
        return service;
    }
}
