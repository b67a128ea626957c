package io.github.compose4j.engine.docker;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.dockerjava.transport.DockerHttpClient;
import com.github.dockerjava.transport.DockerHttpClient.Request.Method;
import io.github.compose4j.engine.BuildMessage;
import io.github.compose4j.engine.BuildResult;
import io.github.compose4j.engine.EngineException;
import io.github.compose4j.engine.ImageBuildSpec;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Consumer;

/** {@code POST /build} with the classic builder: the query the docker CLI sends, the context as a chunked body. */
final class ImageBuilds {
    private final DockerHttpClient http;
    private final String versionPrefix;

    ImageBuilds(DockerHttpClient http, String apiVersion) {
        this.http = http;
        this.versionPrefix = "/v" + apiVersion;
    }

    BuildResult build(ImageBuildSpec spec, InputStream context, Consumer<BuildMessage> output) {
        DockerHttpClient.Request.Builder request = DockerHttpClient.Request.builder()
            .method(Method.POST)
            .path(versionPrefix + "/build" + query(spec))
            .putHeader("Content-Type", "application/x-tar")
            .body(context);
        if (!spec.registryConfig().isEmpty()) {
            request.putHeader("X-Registry-Config", spec.registryConfig());
        }
        try (DockerHttpClient.Response response = http.execute(request.build())) {
            int status = response.getStatusCode();
            if (status < 200 || status > 299) {
                byte[] reply = response.getBody() == null ? new byte[0] : response.getBody().readAllBytes();
                throw EngineErrors.fromReply(status, new String(reply, StandardCharsets.UTF_8));
            }
            return read(response.getBody(), output);
        } catch (IOException e) {
            throw EngineErrors.map(new UncheckedIOException(e));
        } catch (RuntimeException e) {
            throw EngineErrors.map(e);
        }
    }

    private static BuildResult read(InputStream body, Consumer<BuildMessage> output) throws IOException {
        String imageId = "";
        try (EngineJson.Values values = EngineJson.values(body)) {
            JsonNode m;
            while ((m = values.next()) != null) {
                JsonNode error = m.path("errorDetail");
                if (!error.isMissingNode() || m.has("error")) {
                    String message = error.path("message").asText(m.path("error").asText(""));
                    return BuildResult.failed(message.isEmpty() ? "build failed" : message, error.path("code").asInt(0));
                }
                String id = m.path("aux").path("ID").asText("");
                if (!id.isEmpty()) {
                    imageId = id;
                    continue;
                }
                String stream = m.path("stream").asText("");
                String status = m.path("status").asText("");
                if (!stream.isEmpty() || !status.isEmpty()) {
                    output.accept(new BuildMessage(stream, m.path("id").asText(""), status,
                        m.path("progress").asText("")));
                }
            }
        }
        if (imageId.isEmpty()) {
            throw new EngineException(EngineException.Kind.OTHER, "the engine reported no image id for the build");
        }
        return BuildResult.built(imageId);
    }

    /** The query string; {@code t} and {@code extrahosts} repeat as the docker CLI repeats them. */
    static String query(ImageBuildSpec spec) {
        List<String[]> q = new ArrayList<>();
        for (String tag : spec.tags()) {
            q.add(new String[] {"t", tag});
        }
        q.add(new String[] {"dockerfile", spec.dockerfile()});
        if (!spec.target().isEmpty()) {
            q.add(new String[] {"target", spec.target()});
        }
        if (spec.noCache()) {
            q.add(new String[] {"nocache", "1"});
        }
        q.add(new String[] {"rm", "1"});
        // Compose's (deprecated, always on) --force-rm: a failed step's container goes too.
        q.add(new String[] {"forcerm", "1"});
        if (spec.pull()) {
            q.add(new String[] {"pull", "1"});
        }
        if (spec.shmSize() > 0) {
            q.add(new String[] {"shmsize", Long.toString(spec.shmSize())});
        }
        if (spec.memory() > 0) {
            q.add(new String[] {"memory", Long.toString(spec.memory())});
        }
        if (!spec.network().isEmpty()) {
            q.add(new String[] {"networkmode", spec.network()});
        }
        if (!spec.platform().isEmpty()) {
            q.add(new String[] {"platform", spec.platform()});
        }
        if (!spec.isolation().isEmpty()) {
            q.add(new String[] {"isolation", spec.isolation()});
        }
        for (String host : spec.extraHosts()) {
            q.add(new String[] {"extrahosts", host});
        }
        if (!spec.cacheFrom().isEmpty()) {
            var array = EngineJson.NODES.arrayNode();
            spec.cacheFrom().forEach(array::add);
            q.add(new String[] {"cachefrom", EngineJson.writeString(array)});
        }
        ObjectNode args = EngineJson.NODES.objectNode();
        for (Map.Entry<String, Optional<String>> e : new TreeMap<>(spec.buildArgs()).entrySet()) {
            if (e.getValue().isPresent()) {
                args.put(e.getKey(), e.getValue().get());
            } else {
                args.putNull(e.getKey());
            }
        }
        q.add(new String[] {"buildargs", EngineJson.writeString(args)});
        ObjectNode labels = EngineJson.NODES.objectNode();
        new TreeMap<>(spec.labels()).forEach(labels::put);
        q.add(new String[] {"labels", EngineJson.writeString(labels)});
        StringBuilder sb = new StringBuilder();
        for (String[] kv : q) {
            sb.append(sb.length() == 0 ? '?' : '&').append(RawApi.encode(kv[0])).append('=')
                .append(RawApi.encode(kv[1]));
        }
        return sb.toString();
    }
}
