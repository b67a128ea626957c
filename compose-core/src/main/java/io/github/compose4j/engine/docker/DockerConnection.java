package io.github.compose4j.engine.docker;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.core.RemoteApiVersion;
import com.github.dockerjava.transport.DockerHttpClient;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Objects;

/** A docker-java client bound to one endpoint, with the API version agreed with the daemon. */
public final class DockerConnection implements AutoCloseable {
    private final DockerEndpoint endpoint;
    private final DockerClient client;
    private final DockerHttpClient http;
    private final RemoteApiVersion apiVersion;
    private final DaemonPing ping;

    DockerConnection(DockerEndpoint endpoint, DockerClient client, DockerHttpClient http, RemoteApiVersion apiVersion,
                     DaemonPing ping) {
        this.endpoint = Objects.requireNonNull(endpoint);
        this.client = Objects.requireNonNull(client);
        this.http = Objects.requireNonNull(http);
        this.apiVersion = Objects.requireNonNull(apiVersion);
        this.ping = Objects.requireNonNull(ping);
    }

    public DockerEndpoint endpoint() {
        return endpoint;
    }

    public DockerClient client() {
        return client;
    }

    /** The transport under {@link #client()}, for requests docker-java cannot express; owned by the client. */
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

    /** Closes the client and its pooled connections. */
    @Override
    public void close() {
        try {
            client.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
