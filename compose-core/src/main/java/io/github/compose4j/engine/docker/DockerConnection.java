package io.github.compose4j.engine.docker;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.core.DockerClientImpl;
import com.github.dockerjava.core.RemoteApiVersion;
import com.github.dockerjava.transport.DockerHttpClient;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Objects;

/**
 * A connection to one endpoint, with the API version agreed with the daemon: the transport, and a docker-java client
 * over it. The client is built on first use: building it costs more than a whole {@code list containers} call, and
 * requests sent straight through {@link #http()} never need it.
 */
public final class DockerConnection implements AutoCloseable {
    private final DockerEndpoint endpoint;
    private final DockerHttpClient http;
    private final RemoteApiVersion apiVersion;
    private final DaemonPing ping;
    private DockerClient client;
    private boolean closed;

    DockerConnection(DockerEndpoint endpoint, DockerHttpClient http, RemoteApiVersion apiVersion, DaemonPing ping) {
        this.endpoint = Objects.requireNonNull(endpoint);
        this.http = Objects.requireNonNull(http);
        this.apiVersion = Objects.requireNonNull(apiVersion);
        this.ping = Objects.requireNonNull(ping);
    }

    public DockerEndpoint endpoint() {
        return endpoint;
    }

    /** The docker-java client over {@link #http()}, built on the first call. */
    public synchronized DockerClient client() {
        if (closed) {
            throw new IllegalStateException("the docker connection is closed");
        }
        if (client == null) {
            client = DockerClientImpl.getInstance(new EngineClientConfig(endpoint, apiVersion), http);
        }
        return client;
    }

    /** The transport, for requests docker-java cannot express; paths must carry {@code /v<apiVersion>}. */
    public DockerHttpClient http() {
        return http;
    }

    /** The version every request is sent with ({@code /v1.41/...}). */
    public RemoteApiVersion apiVersion() {
        return apiVersion;
    }

    public DaemonPing ping() {
        return ping;
    }

    /** Closes the client, if one was built, and the transport with its pooled connections. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            if (client != null) {
                client.close(); // closes the transport too
            } else {
                http.close();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
