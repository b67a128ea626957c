package io.github.compose4j.engine.docker;

import com.github.dockerjava.core.RemoteApiVersion;
import com.github.dockerjava.transport.DockerHttpClient;
import io.github.compose4j.error.ComposeException;
import io.github.compose4j.error.Failure;
import java.io.IOException;
import java.time.Duration;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Connects docker-java clients that talk through {@link JdkDockerHttpClient}, with the API version negotiated the
 * way the docker CLI does it: {@code GET /_ping}, then the lower of the daemon's {@code API-Version} and the newest
 * version docker-java knows ({@link #MAX_API_VERSION}); 1.24 when the daemon sends no version. Only
 * {@code DOCKER_API_VERSION} pins a version, as in the CLI.
 */
public final class DockerClients {
    /** The newest API version docker-java 3.7.1 has in {@link RemoteApiVersion}. */
    public static final RemoteApiVersion MAX_API_VERSION = RemoteApiVersion.VERSION_1_44;

    /** What the docker client assumes of a daemon that predates version headers. */
    static final RemoteApiVersion NO_HEADER_VERSION = RemoteApiVersion.VERSION_1_24;

    private static final Pattern VERSION = Pattern.compile("(\\d+)\\.(\\d+)");

    private DockerClients() {
    }

    /**
     * Pings the daemon of {@code endpoint} and returns a client using the negotiated version.
     *
     * @throws ComposeException (GENERAL) "Cannot connect to the Docker daemon at ... Is the docker daemon running?"
     *                          when nothing answers
     */
    public static DockerConnection connect(DockerEndpoint endpoint) {
        return connect(endpoint, JdkDockerHttpClient.create(endpoint));
    }

    /** As {@link #connect(DockerEndpoint)}, short calls failing when the daemon does not answer within {@code timeout}. */
    public static DockerConnection connect(DockerEndpoint endpoint, Duration responseTimeout) {
        return connect(endpoint, JdkDockerHttpClient.builder(endpoint).responseTimeout(responseTimeout).build());
    }

    /** Same over any transport (e.g. docker-java's own, for comparison). The connection owns {@code http}. */
    public static DockerConnection connect(DockerEndpoint endpoint, DockerHttpClient http) {
        try {
            DaemonPing ping = ping(endpoint, http);
            RemoteApiVersion version = endpoint.apiVersionOverride()
                .map(DockerClients::parseOverride)
                .orElseGet(() -> negotiate(ping.apiVersion()));
            return new DockerConnection(endpoint, http, version, ping);
        } catch (RuntimeException e) {
            closeQuietly(http);
            throw e;
        }
    }

    /** {@code GET /_ping}; the status does not matter (the CLI negotiates even from an error reply's headers). */
    public static DaemonPing ping(DockerEndpoint endpoint, DockerHttpClient http) {
        DockerHttpClient.Request request = DockerHttpClient.Request.builder()
            .method(DockerHttpClient.Request.Method.GET)
            .path("/_ping")
            .build();
        try (DockerHttpClient.Response response = http.execute(request)) {
            response.getBody().readAllBytes(); // lets the connection go back to the pool
            return new DaemonPing(
                header(response, "API-Version"),
                header(response, "OSType"),
                header(response, "Docker-Experimental").map("true"::equalsIgnoreCase).orElse(false),
                header(response, "Builder-Version"));
        } catch (ComposeException e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            throw new ComposeException(Failure.GENERAL, "Cannot connect to the Docker daemon at " + endpoint.host()
                + ". Is the docker daemon running?", e);
        }
    }

    /** The lower of the daemon's version and {@link #MAX_API_VERSION}. */
    public static RemoteApiVersion negotiate(Optional<String> daemonVersion) {
        Optional<int[]> daemon = daemonVersion.flatMap(DockerClients::numbers);
        if (daemon.isEmpty()) {
            return NO_HEADER_VERSION;
        }
        int major = daemon.get()[0];
        int minor = daemon.get()[1];
        int[] max = numbers(MAX_API_VERSION.getVersion()).orElseThrow();
        if (major > max[0] || (major == max[0] && minor >= max[1])) {
            return MAX_API_VERSION;
        }
        return create(major, minor).orElse(NO_HEADER_VERSION);
    }

    private static RemoteApiVersion parseOverride(String value) {
        return numbers(value).flatMap(v -> create(v[0], v[1])).orElseThrow(() -> new ComposeException(
            Failure.GENERAL, "invalid DOCKER_API_VERSION \"" + value + "\": expected a version like 1.41"));
    }

    private static Optional<int[]> numbers(String value) {
        Matcher m = VERSION.matcher(value.strip());
        if (!m.matches() || m.group(1).length() > 6 || m.group(2).length() > 6) {
            return Optional.empty();
        }
        return Optional.of(new int[] {Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2))});
    }

    private static Optional<RemoteApiVersion> create(int major, int minor) {
        try {
            return Optional.of(RemoteApiVersion.create(major, minor));
        } catch (IllegalArgumentException e) {
            return Optional.empty(); // docker-java cannot express x.0
        }
    }

    private static Optional<String> header(DockerHttpClient.Response response, String name) {
        String value = response.getHeader(name);
        return value == null || value.isBlank() ? Optional.empty() : Optional.of(value.strip());
    }

    private static void closeQuietly(DockerHttpClient http) {
        try {
            http.close();
        } catch (IOException | RuntimeException ignored) {
            // Already failing; the original error matters.
        }
    }
}
