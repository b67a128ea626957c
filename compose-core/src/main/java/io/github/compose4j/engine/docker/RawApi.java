package io.github.compose4j.engine.docker;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.github.dockerjava.core.RemoteApiVersion;
import com.github.dockerjava.transport.DockerHttpClient;
import com.github.dockerjava.transport.DockerHttpClient.Request.Method;
import io.github.compose4j.engine.EngineException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;

/**
 * Engine API calls sent through the connection's own transport, for requests docker-java cannot express
 * completely. Paths carry the negotiated version like docker-java's ({@code /v1.41/...}).
 */
final class RawApi {
    private final DockerHttpClient http;
    private final String versionPrefix;

    RawApi(DockerHttpClient http, RemoteApiVersion version) {
        this.http = http;
        this.versionPrefix = "/v" + version.getVersion();
    }

    /** Sends a JSON body (or none) and returns the JSON reply ({@code MissingNode} when empty). */
    JsonNode send(Method method, String path, Map<String, String> query, JsonNode body) {
        return send(method, path, query, body, Map.of());
    }

    /** As {@link #send(Method, String, Map, JsonNode)}, with request headers ({@code X-Registry-Auth}). */
    JsonNode send(Method method, String path, Map<String, String> query, JsonNode body, Map<String, String> headers) {
        byte[] bytes = null;
        if (body != null) {
            bytes = EngineJson.write(body);
        }
        DockerHttpClient.Request.Builder request = DockerHttpClient.Request.builder()
            .method(method)
            .path(versionPrefix + path + queryString(query));
        headers.forEach(request::putHeader);
        if (bytes != null) {
            request.putHeader("Content-Type", "application/json").bodyBytes(bytes);
        }
        try (DockerHttpClient.Response response = http.execute(request.build())) {
            byte[] reply = readAll(response.getBody());
            int status = response.getStatusCode();
            if ((status < 200 || status > 299) && status != 304) { // 304: already in the asked state
                throw EngineErrors.fromReply(status, new String(reply, StandardCharsets.UTF_8));
            }
            return reply.length == 0 ? MissingNode.getInstance() : EngineJson.read(reply);
        } catch (IOException e) {
            throw EngineErrors.map(new UncheckedIOException(e));
        } catch (RuntimeException e) {
            throw EngineErrors.map(e);
        }
    }

    /**
     * Sends a request whose reply body is a stream, and hands the open response over: the caller reads and closes
     * it. A failure status is read and raised here.
     */
    DockerHttpClient.Response open(Method method, String path, Map<String, String> query) {
        return open(method, path, query, Map.of());
    }

    /** {@link #open(Method, String, Map)} with request headers. */
    DockerHttpClient.Response open(Method method, String path, Map<String, String> query,
                                   Map<String, String> headers) {
        DockerHttpClient.Request request = DockerHttpClient.Request.builder()
            .method(method)
            .path(versionPrefix + path + queryString(query))
            .headers(headers)
            .build();
        DockerHttpClient.Response response;
        try {
            response = http.execute(request);
        } catch (RuntimeException e) {
            throw EngineErrors.map(e);
        }
        int status = response.getStatusCode();
        if (status < 200 || status > 299) {
            try (response) {
                byte[] reply = readAll(response.getBody());
                throw EngineErrors.fromReply(status, new String(reply, StandardCharsets.UTF_8));
            } catch (IOException e) {
                throw EngineErrors.map(new UncheckedIOException(e));
            }
        }
        return response;
    }

    /** A GET whose 404 means "no such object". */
    Optional<JsonNode> find(String path) {
        try {
            return Optional.of(send(Method.GET, path, Map.of(), null));
        } catch (EngineException e) {
            if (e.isNotFound()) {
                return Optional.empty();
            }
            throw e;
        }
    }

    private static byte[] readAll(InputStream body) throws IOException {
        return body == null ? new byte[0] : body.readAllBytes();
    }

    /** {@code first + name + rest} with {@code name} escaped as a URL path (image references keep their slashes). */
    static String path(String first, String name, String rest) {
        return first + escapePath(name) + rest;
    }

    /** Escapes what Go's URL paths escape: all but unreserved characters and {@code $&+,/:;=@}. */
    static String escapePath(String value) {
        StringBuilder sb = new StringBuilder(value.length());
        for (byte b : value.getBytes(StandardCharsets.UTF_8)) {
            char c = (char) (b & 0xff);
            if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                || "-._~$&+,/:;=@".indexOf(c) >= 0) {
                sb.append(c);
            } else {
                sb.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
                    .append(Character.toUpperCase(Character.forDigit(c & 0xf, 16)));
            }
        }
        return sb.toString();
    }

    static String queryString(Map<String, String> query) {
        if (query.isEmpty()) {
            return "";
        }
        StringBuilder sb = new StringBuilder();
        query.forEach((k, v) -> sb.append(sb.length() == 0 ? '?' : '&').append(encode(k)).append('=')
            .append(encode(v)));
        return sb.toString();
    }

    static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
