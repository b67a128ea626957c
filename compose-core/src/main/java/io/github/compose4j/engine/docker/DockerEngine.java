package io.github.compose4j.engine.docker;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.async.ResultCallback;
import com.github.dockerjava.api.command.CreateVolumeCmd;
import com.github.dockerjava.api.command.InspectImageResponse;
import com.github.dockerjava.api.command.ListNetworksCmd;
import com.github.dockerjava.api.command.ListVolumesCmd;
import com.github.dockerjava.api.command.ListVolumesResponse;
import com.github.dockerjava.api.command.PullImageCmd;
import com.github.dockerjava.api.exception.NotFoundException;
import com.github.dockerjava.api.exception.NotModifiedException;
import com.github.dockerjava.api.model.Network;
import com.github.dockerjava.api.model.PullResponseItem;
import com.github.dockerjava.api.model.ResponseItem;
import com.github.dockerjava.core.RemoteApiVersion;
import com.github.dockerjava.transport.DockerHttpClient.Request.Method;
import io.github.compose4j.engine.ContainerDetails;
import io.github.compose4j.engine.ContainerSpec;
import io.github.compose4j.engine.ContainerSummary;
import io.github.compose4j.engine.EndpointSpec;
import io.github.compose4j.engine.Engine;
import io.github.compose4j.engine.EngineException;
import io.github.compose4j.engine.ImageSummary;
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
import java.util.function.Supplier;

/**
 * The {@link Engine} port over docker-java and the connection's transport. Reads go through docker-java; the calls
 * whose docker-java model would drop fields of our specs (container create, network create and connect, stop
 * without a timeout, volume removal with force) are sent as JSON requests through the same transport.
 * Thread-safe; it does no work until a method is called.
 */
public final class DockerEngine implements Engine {
    /** Engines before this take one network at container creation; the others are connected afterwards. */
    static final RemoteApiVersion MULTI_NETWORK_CREATE = RemoteApiVersion.VERSION_1_44;
    /** The {@code platform} parameter of container create. */
    static final RemoteApiVersion CREATE_PLATFORM = RemoteApiVersion.VERSION_1_41;

    private final DockerConnection connection;
    private final DockerClient docker;
    private final RemoteApiVersion api;
    private final RawApi raw;

    /** Takes ownership of {@code connection}: {@link #close()} closes it. */
    public DockerEngine(DockerConnection connection) {
        this.connection = Objects.requireNonNull(connection);
        this.docker = connection.client();
        this.api = connection.apiVersion();
        this.raw = new RawApi(connection.http(), api);
    }

    /**
     * Connects to the daemon of {@code endpoint} (ping and version negotiation).
     *
     * @throws io.github.compose4j.error.ComposeException when no daemon answers, with the docker CLI's wording
     */
    public static DockerEngine connect(DockerEndpoint endpoint) {
        return new DockerEngine(DockerClients.connect(endpoint));
    }

    @Override
    public String apiVersion() {
        return api.getVersion();
    }

    // Containers

    @Override
    public List<ContainerSummary> listContainers(Map<String, String> labels, boolean all) {
        return call(() -> {
            var cmd = docker.listContainersCmd().withShowAll(all);
            if (!labels.isEmpty()) {
                cmd.withLabelFilter(labels);
            }
            return cmd.exec().stream().map(Summaries::container).toList();
        });
    }

    @Override
    public Optional<ContainerDetails> inspectContainer(String idOrName) {
        return call(() -> {
            try {
                return Optional.of(Summaries.details(docker.inspectContainerCmd(idOrName).exec()));
            } catch (NotFoundException e) {
                return Optional.empty();
            }
        });
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
        run(() -> {
            try {
                docker.startContainerCmd(id).exec();
            } catch (NotModifiedException alreadyStarted) {
                // the engine says 304: nothing to do
            }
        });
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
        run(() -> {
            var cmd = docker.killContainerCmd(id);
            if (!signal.isEmpty()) {
                cmd.withSignal(signal);
            }
            cmd.exec();
        });
    }

    @Override
    public void removeContainer(String id, boolean force, boolean removeAnonymousVolumes) {
        run(() -> docker.removeContainerCmd(id).withForce(force).withRemoveVolumes(removeAnonymousVolumes).exec());
    }

    @Override
    public void renameContainer(String id, String newName) {
        run(() -> docker.renameContainerCmd(id).withName(newName).exec());
    }

    @Override
    public void connectNetwork(String network, String containerId, EndpointSpec endpoint) {
        raw.send(Method.POST, RawApi.path("/networks/", network, "/connect"), Map.of(),
            RequestBodies.connect(containerId, endpoint, api));
    }

    @Override
    public void copyToContainer(String containerId, String directory, byte[] tarArchive) {
        run(() -> docker.copyArchiveToContainerCmd(containerId)
            .withRemotePath(directory)
            .withTarInputStream(new ByteArrayInputStream(tarArchive))
            .withNoOverwriteDirNonDir(true) // the docker client's default: a directory is never replaced by a file
            .exec());
    }

    // Networks

    @Override
    public List<NetworkSummary> listNetworks(Map<String, String> labels) {
        return call(() -> {
            ListNetworksCmd cmd = docker.listNetworksCmd();
            if (!labels.isEmpty()) {
                cmd.withFilter("label", labelFilter(labels));
            }
            return cmd.exec().stream().map(Summaries::network).toList();
        });
    }

    @Override
    public Optional<NetworkSummary> inspectNetwork(String nameOrId) {
        return call(() -> {
            Network network;
            try {
                network = docker.inspectNetworkCmd().withNetworkId(nameOrId).exec();
            } catch (NotFoundException e) {
                return Optional.empty();
            }
            // The engine also resolves id prefixes; the port promises exact names and full ids only.
            if (!nameOrId.equals(network.getName()) && !nameOrId.equals(network.getId())) {
                return Optional.empty();
            }
            return Optional.of(Summaries.network(network));
        });
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
        run(() -> docker.removeNetworkCmd(id).exec());
    }

    // Volumes

    @Override
    public List<VolumeSummary> listVolumes(Map<String, String> labels) {
        return call(() -> {
            ListVolumesCmd cmd = docker.listVolumesCmd();
            if (!labels.isEmpty()) {
                cmd.withFilter("label", labelFilter(labels));
            }
            ListVolumesResponse response = cmd.exec();
            return response.getVolumes() == null ? List.<VolumeSummary>of()
                : response.getVolumes().stream().map(Summaries::volume).toList();
        });
    }

    @Override
    public Optional<VolumeSummary> inspectVolume(String name) {
        return call(() -> {
            try {
                return Optional.of(Summaries.volume(docker.inspectVolumeCmd(name).exec()));
            } catch (NotFoundException e) {
                return Optional.empty();
            }
        });
    }

    @Override
    public void createVolume(VolumeSpec spec) {
        run(() -> {
            CreateVolumeCmd cmd = docker.createVolumeCmd().withName(spec.name());
            if (!spec.driver().isEmpty()) {
                cmd.withDriver(spec.driver());
            }
            if (!spec.driverOpts().isEmpty()) {
                cmd.withDriverOpts(new TreeMap<>(spec.driverOpts()));
            }
            if (!spec.labels().isEmpty()) {
                cmd.withLabels(new TreeMap<>(spec.labels()));
            }
            cmd.exec();
        });
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
        return call(() -> {
            try {
                InspectImageResponse image = docker.inspectImageCmd(reference).exec();
                return Optional.of(Summaries.image(image));
            } catch (NotFoundException e) {
                return Optional.empty();
            }
        });
    }

    @Override
    public void pullImage(String reference, Optional<String> platform, Consumer<PullProgress> progress) {
        PullReference ref = PullReference.parse(reference);
        PullWatcher watcher = new PullWatcher(progress);
        run(() -> {
            PullImageCmd cmd = docker.pullImageCmd(ref.repository()).withTag(ref.tag());
            platform.filter(p -> !p.isEmpty()).ifPresent(cmd::withPlatform);
            try {
                cmd.exec(watcher).awaitCompletion();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new EngineException(EngineException.Kind.OTHER, "interrupted while pulling " + reference, e);
            }
        });
        watcher.failure().ifPresent(e -> {
            throw e;
        });
        if (inspectImage(reference).isEmpty()) {
            throw new EngineException(EngineException.Kind.NOT_FOUND,
                "image " + reference + " is not present after a pull that reported no error");
        }
    }

    @Override
    public void removeImage(String reference, boolean force) {
        run(() -> docker.removeImageCmd(reference).withForce(force).exec());
    }

    @Override
    public void close() {
        connection.close();
    }

    // Helpers

    private static List<String> labelFilter(Map<String, String> labels) {
        List<String> filter = new ArrayList<>(labels.size());
        new TreeMap<>(labels).forEach((k, v) -> filter.add(k + "=" + v));
        return filter;
    }

    private static <T> T call(Supplier<T> action) {
        try {
            return action.get();
        } catch (RuntimeException e) {
            throw EngineErrors.map(e);
        }
    }

    private static void run(Runnable action) {
        try {
            action.run();
        } catch (RuntimeException e) {
            throw EngineErrors.map(e);
        }
    }

    /** Relays progress; remembers the first error the daemon reports inside the stream (the status is 200). */
    private static final class PullWatcher extends ResultCallback.Adapter<PullResponseItem> {
        private final Consumer<PullProgress> progress;
        private volatile EngineException failure;

        PullWatcher(Consumer<PullProgress> progress) {
            this.progress = progress;
        }

        @Override
        public void onNext(PullResponseItem item) {
            String error = item.getErrorDetail() != null && item.getErrorDetail().getMessage() != null
                ? item.getErrorDetail().getMessage() : item.getError();
            if (error != null && !error.isEmpty()) {
                if (failure == null) {
                    failure = new EngineException(EngineException.Kind.OTHER, error);
                }
                return;
            }
            ResponseItem.ProgressDetail detail = item.getProgressDetail();
            progress.accept(new PullProgress(item.getId() == null ? "" : item.getId(),
                item.getStatus() == null ? "" : item.getStatus(),
                detail == null || detail.getCurrent() == null ? 0 : detail.getCurrent(),
                detail == null || detail.getTotal() == null ? 0 : detail.getTotal()));
        }

        Optional<EngineException> failure() {
            return Optional.ofNullable(failure);
        }
    }
}
