package io.github.compose4j.engine.docker;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.core.RemoteApiVersion;
import com.github.dockerjava.transport.DockerHttpClient;
import com.github.dockerjava.transport.DockerHttpClient.Request.Method;
import io.github.compose4j.engine.ContainerDetails;
import io.github.compose4j.engine.ContainerOutput;
import io.github.compose4j.engine.ContainerListing;
import io.github.compose4j.engine.ContainerStats;
import io.github.compose4j.engine.ProcessList;
import io.github.compose4j.engine.ContainerSpec;
import io.github.compose4j.engine.ContainerSummary;
import io.github.compose4j.engine.EndpointSpec;
import io.github.compose4j.engine.Engine;
import io.github.compose4j.engine.EngineException;
import io.github.compose4j.engine.EventFeed;
import io.github.compose4j.engine.ImageSummary;
import io.github.compose4j.engine.LogQuery;
import io.github.compose4j.engine.NetworkSpec;
import io.github.compose4j.engine.NetworkSummary;
import io.github.compose4j.engine.PullProgress;
import io.github.compose4j.engine.VolumeSpec;
import io.github.compose4j.engine.VolumeSummary;
import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.TreeMap;
import java.util.function.Consumer;

/**
 * The {@link Engine} port over the connection's transport and docker-java. Two kinds of calls go straight through
 * the transport as Engine API JSON ({@link RawApi}):
 * <ul>
 *   <li>reads (list and inspect): mapped from the JSON tree, they keep fields docker-java's model drops and cost a
 *       fraction of its bean mapping on a cold JVM; a no-op {@code up} needs nothing else, so it never builds the
 *       docker-java client;</li>
 *   <li>calls whose docker-java form would lose part of our specs: container create, network create and connect,
 *       stop without a timeout (docker-java always sends one), volume removal with force;</li>
 *   <li>the other calls of {@code up} and {@code down} (start, kill, remove, rename, volume create, network and
 *       image removal): building docker-java's client and its object mapper costs a short command more than the
 *       calls themselves.</li>
 * </ul>
 * The rest (copy, pull with registry credentials...) use docker-java's commands, through a client built on first
 * use. Thread-safe; construction does no work.
 */
public final class DockerEngine implements Engine {
    /** Engines before this take one network at container creation; the others are connected afterwards. */
    static final RemoteApiVersion MULTI_NETWORK_CREATE = RemoteApiVersion.VERSION_1_44;
    /** The {@code platform} parameter of container create. */
    static final RemoteApiVersion CREATE_PLATFORM = RemoteApiVersion.VERSION_1_41;

    private final DockerConnection connection;
    private final RemoteApiVersion api;
    private final RawApi raw;
    private final RegistryCredentials credentials;

    /** Takes ownership of {@code connection}: {@link #close()} closes it. */
    public DockerEngine(DockerConnection connection) {
        this.connection = Objects.requireNonNull(connection);
        this.api = connection.apiVersion();
        this.raw = new RawApi(connection.http(), api);
        this.credentials = RegistryCredentials.of(connection.endpoint().configDir());
    }

    /**
     * Connects to the daemon of {@code endpoint} (ping and version negotiation).
     *
     * @throws io.github.compose4j.error.ComposeException when no daemon answers, with the docker CLI's wording
     */
    public static DockerEngine connect(DockerEndpoint endpoint) {
        return new DockerEngine(DockerClients.connect(endpoint));
    }

    /** As {@link #connect(DockerEndpoint)}, short calls (ping, inspect, list) failing after {@code responseTimeout}. */
    public static DockerEngine connect(DockerEndpoint endpoint, java.time.Duration responseTimeout) {
        return new DockerEngine(DockerClients.connect(endpoint, responseTimeout));
    }

    @Override
    public String apiVersion() {
        return api.getVersion();
    }

    // Containers

    @Override
    public List<ContainerSummary> listContainers(Map<String, String> labels, boolean all) {
        Map<String, String> query = new LinkedHashMap<>();
        if (all) {
            query.put("all", "1");
        }
        labelFilter(labels).ifPresent(filter -> query.put("filters", filter));
        List<ContainerSummary> containers = new ArrayList<>();
        raw.send(Method.GET, "/containers/json", query, null).forEach(c -> containers.add(Summaries.container(c)));
        return List.copyOf(containers);
    }

    @Override
    public Optional<ContainerDetails> inspectContainer(String idOrName) {
        return raw.find(RawApi.path("/containers/", idOrName, "/json")).map(Summaries::details);
    }

    @Override
    public String createContainer(ContainerSpec spec) {
        Map<String, EndpointSpec> atCreate = spec.endpoints();
        List<String> later = List.of();
        if (!api.isGreaterOrEqual(MULTI_NETWORK_CREATE) && spec.endpoints().size() > 1) {
            String primary = spec.endpoints().containsKey(spec.host().networkMode()) ? spec.host().networkMode()
                : new TreeMap<>(spec.endpoints()).firstKey();
            atCreate = Map.of(primary, spec.endpoints().get(primary));
            later = spec.endpoints().keySet().stream().filter(n -> !n.equals(primary)).sorted().toList();
        }
        Map<String, String> query = new LinkedHashMap<>();
        if (!spec.name().isEmpty()) {
            query.put("name", spec.name());
        }
        if (!spec.platform().isEmpty() && api.isGreaterOrEqual(CREATE_PLATFORM)) {
            query.put("platform", spec.platform());
        }
        JsonNode reply = raw.send(Method.POST, "/containers/create", query,
            RequestBodies.container(spec, atCreate, api));
        String id = reply.path("Id").asText("");
        if (id.isEmpty()) {
            throw new EngineException(EngineException.Kind.OTHER, "container create answered without an id");
        }
        for (String network : later) {
            // As Compose does with older engines: connected after creation, before start.
            connectNetwork(network, id, spec.endpoints().get(network));
        }
        return id;
    }

    @Override
    public void startContainer(String id) {
        // 304 (already started) is a success for the raw API.
        raw.send(Method.POST, RawApi.path("/containers/", id, "/start"), Map.of(), null);
    }

    @Override
    public void stopContainer(String id, OptionalInt timeoutSeconds) {
        // Raw: docker-java always sends a timeout (10 s by default), which would override the container's own.
        Map<String, String> query = timeoutSeconds.isPresent()
            ? Map.of("t", Integer.toString(timeoutSeconds.getAsInt())) : Map.of();
        raw.send(Method.POST, RawApi.path("/containers/", id, "/stop"), query, null);
    }

    @Override
    public void killContainer(String id, String signal) {
        raw.send(Method.POST, RawApi.path("/containers/", id, "/kill"),
            signal.isEmpty() ? Map.of() : Map.of("signal", signal), null);
    }

    @Override
    public void removeContainer(String id, boolean force, boolean removeAnonymousVolumes) {
        Map<String, String> query = new LinkedHashMap<>();
        if (force) {
            query.put("force", "true");
        }
        if (removeAnonymousVolumes) {
            query.put("v", "true");
        }
        raw.send(Method.DELETE, RawApi.path("/containers/", id, ""), query, null);
    }

    @Override
    public void renameContainer(String id, String newName) {
        raw.send(Method.POST, RawApi.path("/containers/", id, "/rename"), Map.of("name", newName), null);
    }

    @Override
    public void connectNetwork(String network, String containerId, EndpointSpec endpoint) {
        raw.send(Method.POST, RawApi.path("/networks/", network, "/connect"), Map.of(),
            RequestBodies.connect(containerId, endpoint, api));
    }

    @Override
    public void copyToContainer(String containerId, String directory, byte[] tarArchive, boolean copyUidGid) {
        run(() -> docker().copyArchiveToContainerCmd(containerId)
            .withRemotePath(directory)
            .withCopyUIDGID(copyUidGid)
            .withTarInputStream(new ByteArrayInputStream(tarArchive))
            .withNoOverwriteDirNonDir(true) // the docker client's default: a directory is never replaced by a file
            .exec());
    }

    // Networks

    @Override
    public List<NetworkSummary> listNetworks(Map<String, String> labels) {
        List<NetworkSummary> networks = new ArrayList<>();
        raw.send(Method.GET, "/networks", labelQuery(labels), null).forEach(n -> networks.add(Summaries.network(n)));
        return List.copyOf(networks);
    }

    @Override
    public Optional<NetworkSummary> inspectNetwork(String nameOrId) {
        // The engine also resolves id prefixes; the port promises exact names and full ids only.
        return raw.find(RawApi.path("/networks/", nameOrId, "")).map(Summaries::network)
            .filter(n -> nameOrId.equals(n.name()) || nameOrId.equals(n.id()));
    }

    @Override
    public String createNetwork(NetworkSpec spec) {
        JsonNode reply = raw.send(Method.POST, "/networks/create", Map.of(), RequestBodies.network(spec, api));
        String id = reply.path("Id").asText("");
        if (id.isEmpty()) {
            throw new EngineException(EngineException.Kind.OTHER, "network create answered without an id");
        }
        return id;
    }

    @Override
    public void removeNetwork(String id) {
        raw.send(Method.DELETE, RawApi.path("/networks/", id, ""), Map.of(), null);
    }

    // Volumes

    @Override
    public List<VolumeSummary> listVolumes(Map<String, String> labels) {
        List<VolumeSummary> volumes = new ArrayList<>();
        raw.send(Method.GET, "/volumes", labelQuery(labels), null).path("Volumes")
            .forEach(v -> volumes.add(Summaries.volume(v)));
        return List.copyOf(volumes);
    }

    @Override
    public Optional<VolumeSummary> inspectVolume(String name) {
        return raw.find(RawApi.path("/volumes/", name, "")).map(Summaries::volume);
    }

    @Override
    public void createVolume(VolumeSpec spec) {
        raw.send(Method.POST, "/volumes/create", Map.of(), RequestBodies.volume(spec));
    }

    @Override
    public void removeVolume(String name, boolean force) {
        // Raw: docker-java's volume removal has no force parameter.
        raw.send(Method.DELETE, RawApi.path("/volumes/", name, ""), force ? Map.of("force", "true") : Map.of(),
            null);
    }

    // Images

    @Override
    public Optional<ImageSummary> inspectImage(String reference) {
        return raw.find(RawApi.path("/images/", reference, "/json")).map(Summaries::image);
    }

    @Override
    public void pullImage(String reference, Optional<String> platform, Consumer<PullProgress> progress) {
        PullReference ref = PullReference.parse(reference);
        Map<String, String> query = new LinkedHashMap<>();
        query.put("fromImage", ref.repository());
        query.put("tag", ref.tag());
        platform.filter(p -> !p.isEmpty()).ifPresent(p -> query.put("platform", p));
        DockerHttpClient.Response response = raw.open(Method.POST, "/images/create", query, authHeader(reference));
        ImageStream.read(response, progress).ifPresent(e -> {
            throw e;
        });
        // A stream without an error is confirmed by the image itself.
        if (inspectImage(reference).isEmpty()) {
            throw new EngineException(EngineException.Kind.NOT_FOUND,
                "image " + reference + " is not present after a pull that reported no error");
        }
    }

    /** The credentials header of a pull or push, from the docker CLI's configuration; always sent, as the CLI does. */
    private Map<String, String> authHeader(String reference) {
        return Map.of("X-Registry-Auth", credentials.forImage(reference).header());
    }

    @Override
    public void removeImage(String reference, boolean force) {
        raw.send(Method.DELETE, RawApi.path("/images/", reference, ""), force ? Map.of("force", "true") : Map.of(),
            null);
    }

    // Lifecycle

    @Override
    public void pauseContainer(String id) {
        raw.send(Method.POST, RawApi.path("/containers/", id, "/pause"), Map.of(), null);
    }

    @Override
    public void unpauseContainer(String id) {
        raw.send(Method.POST, RawApi.path("/containers/", id, "/unpause"), Map.of(), null);
    }

    @Override
    public void restartContainer(String id, OptionalInt timeoutSeconds) {
        // Without t the engine uses the container's own stop timeout, as for stop.
        Map<String, String> query = timeoutSeconds.isPresent()
            ? Map.of("t", Integer.toString(timeoutSeconds.getAsInt())) : Map.of();
        raw.send(Method.POST, RawApi.path("/containers/", id, "/restart"), query, null);
    }

    @Override
    public int waitContainer(String id) {
        JsonNode reply = raw.send(Method.POST, RawApi.path("/containers/", id, "/wait"), Map.of(), null);
        String error = reply.path("Error").path("Message").asText("");
        if (!error.isEmpty()) {
            throw new EngineException(EngineException.Kind.OTHER, error);
        }
        return reply.path("StatusCode").asInt();
    }

    @Override
    public void close() {
        connection.close();
    }

    // Logs and attach

    @Override
    public ContainerOutput containerLogs(String containerId, LogQuery query) {
        boolean tty = tty(containerId);
        Map<String, String> params = new LinkedHashMap<>();
        params.put("stdout", "1");
        params.put("stderr", "1");
        if (query.follow()) {
            params.put("follow", "1");
        }
        if (!query.tail().isEmpty() && !query.tail().equals("all")) {
            params.put("tail", query.tail());
        }
        if (!query.since().isEmpty()) {
            params.put("since", query.since());
        }
        if (!query.until().isEmpty()) {
            params.put("until", query.until());
        }
        if (query.timestamps()) {
            params.put("timestamps", "1");
        }
        return new StreamFrames(raw.open(Method.GET, RawApi.path("/containers/", containerId, "/logs"), params), tty);
    }

    @Override
    public ContainerOutput attachOutput(String containerId) {
        boolean tty = tty(containerId);
        Map<String, String> params = new LinkedHashMap<>();
        params.put("stream", "1");
        params.put("stdout", "1");
        params.put("stderr", "1");
        return new StreamFrames(raw.open(Method.POST, RawApi.path("/containers/", containerId, "/attach"), params),
            tty);
    }

    /** Whether the container has a TTY, which decides how its output streams are framed. */
    private boolean tty(String containerId) {
        return raw.find(RawApi.path("/containers/", containerId, "/json"))
            .orElseThrow(() -> new EngineException(EngineException.Kind.NOT_FOUND,
                EngineErrors.DAEMON_PREFIX + "No such container: " + containerId))
            .path("Config").path("Tty").asBoolean(false);
    }

    // Helpers

    private DockerClient docker() {
        return connection.client();
    }

    private static Map<String, String> labelQuery(Map<String, String> labels) {
        return labelFilter(labels).map(filter -> Map.of("filters", filter)).orElse(Map.of());
    }

    /** {@code {"label":["k=v",...]}}: the engine matches each {@code k=v} exactly. Sorted, for stable requests. */
    static Optional<String> labelFilter(Map<String, String> labels) {
        if (labels.isEmpty()) {
            return Optional.empty();
        }
        ObjectNode filters = EngineJson.NODES.objectNode();
        ArrayNode label = filters.putArray("label");
        new TreeMap<>(labels).forEach((k, v) -> label.add(k + "=" + v));
        return Optional.of(EngineJson.writeString(filters));
    }

    private static void run(Runnable action) {
        try {
            action.run();
        } catch (RuntimeException e) {
            throw EngineErrors.map(e);
        }
    }

    /** Relays progress; remembers the first error the daemon reports inside the stream (the status is 200). */
    // Inspection

    @Override
    public List<ContainerListing> listContainerListings(Map<String, String> labels, java.util.Set<String> labelKeys,
                                                        boolean all) {
        Map<String, String> query = new LinkedHashMap<>();
        if (all) {
            query.put("all", "1");
        }
        ObjectNode filters = EngineJson.NODES.objectNode();
        if (!labels.isEmpty() || !labelKeys.isEmpty()) {
            ArrayNode label = filters.putArray("label");
            new java.util.TreeSet<>(labelKeys).forEach(label::add);
            new TreeMap<>(labels).forEach((k, v) -> label.add(k + "=" + v));
            query.put("filters", EngineJson.writeString(filters));
        }
        List<ContainerListing> containers = new ArrayList<>();
        raw.send(Method.GET, "/containers/json", query, null).forEach(c -> containers.add(Summaries.listing(c)));
        return List.copyOf(containers);
    }

    @Override
    public ProcessList top(String containerId) {
        JsonNode reply = raw.send(Method.GET, RawApi.path("/containers/", containerId, "/top"), Map.of(), null);
        List<String> titles = new ArrayList<>();
        reply.path("Titles").forEach(t -> titles.add(t.asText()));
        List<List<String>> processes = new ArrayList<>();
        for (JsonNode row : reply.path("Processes")) {
            List<String> cells = new ArrayList<>();
            row.forEach(cell -> cells.add(cell.asText()));
            processes.add(cells);
        }
        return new ProcessList(titles, processes);
    }

    @Override
    public ContainerStats stats(String containerId) {
        JsonNode reply = raw.send(Method.GET, RawApi.path("/containers/", containerId, "/stats"),
            Map.of("stream", "false"), null);
        return Summaries.stats(containerId, reply);
    }

    @Override
    public EventFeed events(Map<String, String> labels) {
        return new EventStream(raw.open(Method.GET, "/events", labelQuery(labels)));
    }

    // Exec, run and copy

    @Override
    public io.github.compose4j.engine.StreamSession attachContainer(String id, Optional<java.io.InputStream> stdin,
                                                                    String detachKeys) {
        Map<String, String> query = new LinkedHashMap<>();
        if (!detachKeys.isEmpty()) {
            query.put("detachKeys", detachKeys);
        }
        query.put("stream", "1");
        if (stdin.isPresent()) {
            query.put("stdin", "1");
        }
        query.put("stdout", "1");
        query.put("stderr", "1");
        return session(open(Method.POST, RawApi.path("/containers/", id, "/attach"), query, null, stdin));
    }

    @Override
    public io.github.compose4j.engine.ExitWatch watchExit(String id, boolean untilRemoved) {
        // The engine answers the headers at once and the body at the exit: once open, the wait is registered.
        DockerHttpClient.Response response = open(Method.POST, RawApi.path("/containers/", id, "/wait"),
            Map.of("condition", untilRemoved ? "removed" : "next-exit"), null, Optional.empty());
        return new io.github.compose4j.engine.ExitWatch() {
            @Override
            public int await() {
                try {
                    JsonNode reply = EngineJson.read(response.getBody().readAllBytes());
                    String error = reply.path("Error").path("Message").asText("");
                    if (!error.isEmpty()) {
                        throw new EngineException(EngineException.Kind.OTHER, error);
                    }
                    return reply.path("StatusCode").asInt();
                } catch (java.io.IOException e) {
                    throw EngineErrors.map(new java.io.UncheckedIOException(e));
                } finally {
                    response.close();
                }
            }

            @Override
            public void close() {
                response.close();
            }
        };
    }

    @Override
    public void resizeContainerTty(String id, int rows, int columns) {
        raw.send(Method.POST, RawApi.path("/containers/", id, "/resize"),
            Map.of("h", Integer.toString(rows), "w", Integer.toString(columns)), null);
    }

    @Override
    public String createExec(String containerId, io.github.compose4j.engine.ExecSpec spec) {
        ObjectNode body = EngineJson.NODES.objectNode();
        body.put("User", spec.user());
        body.put("Privileged", spec.privileged());
        body.put("Tty", spec.tty());
        body.put("AttachStdin", spec.attachStdin());
        body.put("AttachStderr", spec.attachOutput());
        body.put("AttachStdout", spec.attachOutput());
        body.put("Detach", !spec.attachOutput());
        if (!spec.environment().isEmpty()) {
            spec.environment().forEach(body.putArray("Env")::add);
        }
        if (!spec.workingDir().isEmpty()) {
            body.put("WorkingDir", spec.workingDir());
        }
        spec.command().forEach(body.putArray("Cmd")::add);
        JsonNode reply = raw.send(Method.POST, RawApi.path("/containers/", containerId, "/exec"), Map.of(), body);
        String id = reply.path("Id").asText("");
        if (id.isEmpty()) {
            throw new EngineException(EngineException.Kind.OTHER, "exec create answered without an id");
        }
        return id;
    }

    @Override
    public io.github.compose4j.engine.StreamSession startExec(String execId, boolean tty,
                                                              Optional<java.io.InputStream> stdin) {
        ObjectNode body = EngineJson.NODES.objectNode();
        body.put("Detach", false);
        body.put("Tty", tty);
        return session(open(Method.POST, RawApi.path("/exec/", execId, "/start"), Map.of(), body, stdin));
    }

    @Override
    public void startExecDetached(String execId, boolean tty) {
        ObjectNode body = EngineJson.NODES.objectNode();
        body.put("Detach", true);
        body.put("Tty", tty);
        raw.send(Method.POST, RawApi.path("/exec/", execId, "/start"), Map.of(), body);
    }

    @Override
    public void resizeExecTty(String execId, int rows, int columns) {
        raw.send(Method.POST, RawApi.path("/exec/", execId, "/resize"),
            Map.of("h", Integer.toString(rows), "w", Integer.toString(columns)), null);
    }

    @Override
    public OptionalInt execExitCode(String execId) {
        JsonNode reply = raw.send(Method.GET, RawApi.path("/exec/", execId, "/json"), Map.of(), null);
        if (reply.path("Running").asBoolean(false) || reply.path("ExitCode").isNull()) {
            return OptionalInt.empty();
        }
        return OptionalInt.of(reply.path("ExitCode").asInt());
    }

    @Override
    public Optional<io.github.compose4j.engine.PathStat> statContainerPath(String containerId, String path) {
        // GET, not HEAD (the transport's methods have none): the unread archive is dropped with the connection.
        try (DockerHttpClient.Response response = open(Method.GET,
            RawApi.path("/containers/", containerId, "/archive"), Map.of("path", path), null, Optional.empty())) {
            return Optional.of(pathStat(response));
        } catch (EngineException e) {
            if (e.isNotFound()) {
                return Optional.empty();
            }
            throw e;
        }
    }

    @Override
    public io.github.compose4j.engine.ArchiveStream readArchive(String containerId, String path) {
        DockerHttpClient.Response response = open(Method.GET, RawApi.path("/containers/", containerId, "/archive"),
            Map.of("path", path), null, Optional.empty());
        io.github.compose4j.engine.PathStat stat = pathStat(response);
        return new io.github.compose4j.engine.ArchiveStream() {
            @Override
            public io.github.compose4j.engine.PathStat stat() {
                return stat;
            }

            @Override
            public java.io.InputStream tar() {
                return response.getBody();
            }

            @Override
            public void close() {
                response.close();
            }
        };
    }

    @Override
    public void writeArchive(String containerId, String directory, java.io.InputStream tar, boolean copyUidGid) {
        Map<String, String> query = new LinkedHashMap<>();
        query.put("path", directory);
        query.put("noOverwriteDirNonDir", "true");
        if (copyUidGid) {
            query.put("copyUIDGID", "true");
        }
        DockerHttpClient.Request request = DockerHttpClient.Request.builder()
            .method(Method.PUT)
            .path("/v" + api.getVersion() + RawApi.path("/containers/", containerId, "/archive")
                + RawApi.queryString(query))
            .putHeader("Content-Type", "application/x-tar")
            .body(tar)
            .build();
        try (DockerHttpClient.Response response = connection.http().execute(request)) {
            byte[] reply = response.getBody() == null ? new byte[0] : response.getBody().readAllBytes();
            int status = response.getStatusCode();
            if (status < 200 || status > 299) {
                throw EngineErrors.fromReply(status, new String(reply, java.nio.charset.StandardCharsets.UTF_8));
            }
        } catch (java.io.IOException e) {
            throw EngineErrors.map(new java.io.UncheckedIOException(e));
        } catch (RuntimeException e) {
            throw EngineErrors.map(e);
        }
    }

    /** Sends a request and returns the open response (its body a stream), failing on an error status. */
    private DockerHttpClient.Response open(Method method, String path, Map<String, String> query, JsonNode body,
                                           Optional<java.io.InputStream> hijackedInput) {
        DockerHttpClient.Request.Builder request = DockerHttpClient.Request.builder()
            .method(method)
            .path("/v" + api.getVersion() + path + RawApi.queryString(query));
        if (body != null) {
            request.putHeader("Content-Type", "application/json").bodyBytes(EngineJson.write(body));
        }
        hijackedInput.ifPresent(request::hijackedInput);
        DockerHttpClient.Response response;
        try {
            response = connection.http().execute(request.build());
        } catch (RuntimeException e) {
            throw EngineErrors.map(e);
        }
        int status = response.getStatusCode();
        if (status < 200 || status > 299) {
            String text;
            try {
                text = response.getBody() == null ? ""
                    : new String(response.getBody().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
            } catch (java.io.IOException e) {
                text = "";
            } finally {
                response.close();
            }
            throw EngineErrors.fromReply(status, text);
        }
        return response;
    }

    private static io.github.compose4j.engine.StreamSession session(DockerHttpClient.Response response) {
        return new io.github.compose4j.engine.StreamSession() {
            @Override
            public java.io.InputStream output() {
                return response.getBody();
            }

            @Override
            public void close() {
                response.close();
            }
        };
    }

    private static io.github.compose4j.engine.PathStat pathStat(DockerHttpClient.Response response) {
        List<String> values = response.getHeaders().getOrDefault("X-Docker-Container-Path-Stat", List.of());
        if (values.isEmpty()) {
            throw new EngineException(EngineException.Kind.OTHER, "the engine sent no stat of the path");
        }
        try {
            JsonNode stat = EngineJson.read(new String(java.util.Base64.getDecoder().decode(values.get(0)),
                java.nio.charset.StandardCharsets.UTF_8));
            return new io.github.compose4j.engine.PathStat(stat.path("name").asText(""), stat.path("size").asLong(),
                stat.path("mode").asLong(), stat.path("linkTarget").asText(""));
        } catch (java.io.IOException | IllegalArgumentException e) {
            throw new EngineException(EngineException.Kind.OTHER, "unreadable stat of the path: " + e.getMessage());
        }
    }

    // Library API (compose-junit): health log

    @Override
    public List<String> healthLog(String containerId) {
        List<String> log = new ArrayList<>();
        raw.find(RawApi.path("/containers/", containerId, "/json")).ifPresent(json -> {
            for (JsonNode probe : json.path("State").path("Health").path("Log")) {
                log.add("exit " + probe.path("ExitCode").asInt() + ": " + probe.path("Output").asText("").strip());
            }
        });
        return List.copyOf(log);
    }

    // Images: push and project images (pull, push and down --rmi)

    @Override
    public void pushImage(String reference, Consumer<PullProgress> progress) {
        PullReference ref = PullReference.parse(reference);
        Map<String, String> query = Map.of("tag", ref.tag());
        DockerHttpClient.Response response = raw.open(Method.POST,
            RawApi.path("/images/", ref.repository(), "/push"), query, authHeader(reference));
        ImageStream.read(response, progress).ifPresent(e -> {
            throw e;
        });
    }

    @Override
    public List<ImageSummary> listImages(Map<String, String> labels) {
        Map<String, String> query = new LinkedHashMap<>();
        ObjectNode filters = EngineJson.NODES.objectNode();
        ArrayNode label = filters.putArray("label");
        new TreeMap<>(labels).forEach((k, v) -> label.add(k + "=" + v));
        filters.putArray("dangling").add("false");
        query.put("filters", EngineJson.writeString(filters));
        List<ImageSummary> images = new ArrayList<>();
        raw.send(Method.GET, "/images/json", query, null).forEach(i -> images.add(Summaries.listedImage(i)));
        return List.copyOf(images);
    }

    // swarm

    @Override
    public boolean isSwarmManager() {
        return raw.send(Method.GET, "/info", Map.of(), null).path("Swarm").path("ControlAvailable").asBoolean(false);
    }

    @Override
    public List<io.github.compose4j.engine.swarm.SwarmService> listServices(Map<String, String> labels,
                                                                         java.util.Set<String> labelKeys) {
        Map<String, String> query = new LinkedHashMap<>();
        List<String> label = new ArrayList<>();
        new TreeMap<>(labels).forEach((k, v) -> label.add(k + "=" + v));
        labelKeys.stream().sorted().forEach(label::add);
        if (!label.isEmpty()) {
            query.put("filters", SwarmBodies.filters("label", label));
        }
        query.put("status", "true");
        List<io.github.compose4j.engine.swarm.SwarmService> services = new ArrayList<>();
        for (JsonNode s : raw.send(Method.GET, "/services", query, null)) {
            services.add(new io.github.compose4j.engine.swarm.SwarmService(s.path("ID").asText(""),
                s.path("Version").path("Index").asLong(0), SwarmBodies.readService(s.path("Spec")),
                s.path("ServiceStatus").path("RunningTasks").asLong(0),
                s.path("ServiceStatus").path("DesiredTasks").asLong(0),
                s.path("ServiceStatus").path("CompletedTasks").asLong(0),
                s.path("UpdateStatus").path("State").asText("")));
        }
        return List.copyOf(services);
    }

    @Override
    public String createService(io.github.compose4j.engine.swarm.ServiceSpec spec, Optional<String> registryAuth,
                                Consumer<String> warnings) {
        JsonNode reply = raw.send(Method.POST, "/services/create", Map.of(), SwarmBodies.service(spec),
            authHeader(registryAuth));
        reply.path("Warnings").forEach(w -> warnings.accept(w.asText("")));
        return reply.path("ID").asText("");
    }

    @Override
    public void updateService(String id, long version, io.github.compose4j.engine.swarm.ServiceSpec spec,
                              Optional<String> registryAuth, Consumer<String> warnings) {
        JsonNode reply = raw.send(Method.POST, RawApi.path("/services/", id, "/update"),
            Map.of("version", Long.toString(version)), SwarmBodies.service(spec), authHeader(registryAuth));
        reply.path("Warnings").forEach(w -> warnings.accept(w.asText("")));
    }

    @Override
    public void removeService(String id) {
        raw.send(Method.DELETE, RawApi.path("/services/", id, ""), Map.of(), null);
    }

    @Override
    public List<io.github.compose4j.engine.swarm.SwarmTask> listTasks(java.util.Collection<String> serviceIds) {
        Map<String, String> query = serviceIds.isEmpty() ? Map.of()
            : Map.of("filters", SwarmBodies.filters("service", new java.util.TreeSet<>(serviceIds)));
        List<io.github.compose4j.engine.swarm.SwarmTask> tasks = new ArrayList<>();
        raw.send(Method.GET, "/tasks", query, null).forEach(t -> tasks.add(SwarmBodies.readTask(t)));
        return List.copyOf(tasks);
    }

    @Override
    public List<io.github.compose4j.engine.swarm.SwarmNode> listNodes() {
        List<io.github.compose4j.engine.swarm.SwarmNode> nodes = new ArrayList<>();
        raw.send(Method.GET, "/nodes", Map.of(), null).forEach(n -> nodes.add(
            new io.github.compose4j.engine.swarm.SwarmNode(n.path("ID").asText(""),
                n.path("Description").path("Hostname").asText(""))));
        return List.copyOf(nodes);
    }

    @Override
    public List<io.github.compose4j.engine.swarm.SwarmFile> listSwarmFiles(
        io.github.compose4j.engine.swarm.SwarmFile.Kind kind, Map<String, String> labels) {
        List<io.github.compose4j.engine.swarm.SwarmFile> files = new ArrayList<>();
        raw.send(Method.GET, swarmFilePath(kind), labelQuery(labels), null)
            .forEach(f -> files.add(SwarmBodies.readFile(kind, f)));
        return List.copyOf(files);
    }

    @Override
    public String createSwarmFile(io.github.compose4j.engine.swarm.SwarmFileSpec spec) {
        return raw.send(Method.POST, swarmFilePath(spec.kind()) + "/create", Map.of(), SwarmBodies.file(spec))
            .path("ID").asText("");
    }

    @Override
    public void removeSwarmFile(io.github.compose4j.engine.swarm.SwarmFile.Kind kind, String id) {
        raw.send(Method.DELETE, RawApi.path(swarmFilePath(kind) + "/", id, ""), Map.of(), null);
    }

    @Override
    public Optional<String> registryDigest(String image, Optional<String> registryAuth) {
        try {
            String digest = raw.send(Method.GET, RawApi.path("/distribution/", image, "/json"), Map.of(), null,
                authHeader(registryAuth)).path("Descriptor").path("digest").asText("");
            return digest.isEmpty() ? Optional.empty() : Optional.of(digest);
        } catch (EngineException e) {
            return Optional.empty(); // no registry reachable: the nodes resolve the tag themselves
        }
    }

    private static String swarmFilePath(io.github.compose4j.engine.swarm.SwarmFile.Kind kind) {
        return kind == io.github.compose4j.engine.swarm.SwarmFile.Kind.SECRET ? "/secrets" : "/configs";
    }

    @Override
    public Optional<String> registryAuth(String image) {
        RegistryAuth auth = credentials.forImage(image);
        return auth.equals(RegistryAuth.NONE) ? Optional.empty() : Optional.of(auth.header());
    }

    private static Map<String, String> authHeader(Optional<String> registryAuth) {
        return registryAuth.filter(a -> !a.isEmpty()).map(a -> Map.of("X-Registry-Auth", a)).orElse(Map.of());
    }

    // Build

    @Override
    public io.github.compose4j.engine.BuildResult buildImage(io.github.compose4j.engine.ImageBuildSpec spec,
                                                             java.io.InputStream context,
                                                             Consumer<io.github.compose4j.engine.BuildMessage> output) {
        // As the docker CLI: a build may pull base images from any registry, so it carries every credential.
        io.github.compose4j.engine.ImageBuildSpec withCredentials = spec.registryConfig().isEmpty()
            ? spec.withRegistryConfig(RegistryAuth.configHeader(credentials.all())) : spec;
        return new ImageBuilds(connection.http(), api.getVersion()).build(withCredentials, context, output);
    }
}
