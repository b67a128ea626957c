package io.github.compose4j.engine;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.function.Consumer;

/**
 * A container engine, seen through the operations Compose needs. Objects are selected by exact label
 * values, never by name prefix. Thread-safe: the executor calls it from several threads at once.
 * Failures are {@link EngineException}s.
 */
public interface Engine extends AutoCloseable {

    /** The negotiated API version ({@code 1.41}...). */
    String apiVersion();

    // Containers

    /** Containers carrying every given label with exactly the given value; stopped ones too if {@code all}. */
    List<ContainerSummary> listContainers(Map<String, String> labels, boolean all);

    Optional<ContainerDetails> inspectContainer(String idOrName);

    /** Creates a container and returns its id; a name already in use is a {@link EngineException.Kind#CONFLICT}. */
    String createContainer(ContainerSpec spec);

    void startContainer(String id);

    /** Stops a container, killing it after the timeout (the engine's default when empty). */
    void stopContainer(String id, OptionalInt timeoutSeconds);

    void killContainer(String id, String signal);

    void removeContainer(String id, boolean force, boolean removeAnonymousVolumes);

    void renameContainer(String id, String newName);

    void connectNetwork(String network, String containerId, EndpointSpec endpoint);

    /**
     * Extracts a tar archive into a directory of the container (how secrets and configs are written);
     * with {@code copyUidGid} the files take the container user's ownership, as the engine's archive
     * API does with that option.
     */
    void copyToContainer(String containerId, String directory, byte[] tarArchive, boolean copyUidGid);

    // Networks

    /** Networks carrying every given label with exactly the given value. */
    List<NetworkSummary> listNetworks(Map<String, String> labels);

    /** A network by exact name or full id; never by a prefix of either. */
    Optional<NetworkSummary> inspectNetwork(String nameOrId);

    /** Creates a network and returns its id. */
    String createNetwork(NetworkSpec spec);

    void removeNetwork(String id);

    // Volumes

    /** Volumes carrying every given label with exactly the given value. */
    List<VolumeSummary> listVolumes(Map<String, String> labels);

    Optional<VolumeSummary> inspectVolume(String name);

    void createVolume(VolumeSpec spec);

    void removeVolume(String name, boolean force);

    // Images

    Optional<ImageSummary> inspectImage(String reference);

    /** Pulls an image, reporting the engine's progress messages; fails when the engine reports an error. */
    void pullImage(String reference, Optional<String> platform, Consumer<PullProgress> progress);

    void removeImage(String reference, boolean force);

    @Override
    void close();

    // Inspection

    /**
     * Containers as the engine lists them, with their command and mounts: those carrying every label of
     * {@code labels} with exactly its value and every key of {@code labelKeys} with any value; stopped ones
     * too if {@code all}.
     */
    List<ContainerListing> listContainerListings(Map<String, String> labels, java.util.Set<String> labelKeys,
                                                 boolean all);

    /** The processes running in a container; a container that does not run is a {@link EngineException.Kind#CONFLICT}. */
    ProcessList top(String containerId);

    /** One resource-usage sample of a container (waits for the engine's second CPU reading). */
    ContainerStats stats(String containerId);

    /**
     * The engine's events from now on about objects (containers, networks, volumes...) carrying every given label
     * with exactly the given value.
     */
    EventFeed events(Map<String, String> labels);

    // Logs and attach

    /**
     * A container's output as the engine keeps it (its log driver permitting): stdout and stderr told apart unless
     * the container has a TTY. A missing container is {@link EngineException.Kind#NOT_FOUND}.
     */
    ContainerOutput containerLogs(String containerId, LogQuery query);

    /**
     * The output a container writes from now on (no past output, no stdin), until it stops; attaching before the
     * container starts misses nothing.
     */
    ContainerOutput attachContainer(String containerId);
}
