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

    // Lifecycle

    /** Freezes a running container; one not running, or already paused, is a {@link EngineException.Kind#CONFLICT}. */
    void pauseContainer(String id);

    /** Resumes a paused container; resuming one that is not paused fails. */
    void unpauseContainer(String id);

    /** Stops (killing after the timeout, the container's own when empty) then starts a container, whatever its state. */
    void restartContainer(String id, OptionalInt timeoutSeconds);

    /** Blocks until the container is not running and returns its exit code (at once if it is not running). */
    int waitContainer(String id);

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

    // Exec, run and copy

    /**
     * Attaches to a container's output (and input, when {@code stdin} is given), as {@code docker start -a} does
     * before it starts (the session then receives everything from the start on) and {@code docker attach} does
     * after. With a TTY, {@code detachKeys} is the key sequence after which the engine ends the session and leaves
     * the container running ({@code ctrl-p,ctrl-q}, the engine's default, when empty).
     */
    StreamSession attachContainer(String id, java.util.Optional<java.io.InputStream> stdin, String detachKeys);

    /** Registers a wait for the container's next exit (or its removal, for auto-removed containers). */
    ExitWatch watchExit(String id, boolean untilRemoved);

    /** Tells the container's TTY the size of the caller's terminal. */
    void resizeContainerTty(String id, int rows, int columns);

    /** Creates a process to run in a running container; returns the exec id. */
    String createExec(String containerId, ExecSpec spec);

    /** Starts an exec attached to its streams (input when {@code stdin} is given). */
    StreamSession startExec(String execId, boolean tty, java.util.Optional<java.io.InputStream> stdin);

    /** Starts an exec in the background. */
    void startExecDetached(String execId, boolean tty);

    void resizeExecTty(String execId, int rows, int columns);

    /** The exit code of an exec, empty while it runs. */
    OptionalInt execExitCode(String execId);

    /** The stat of a path in a container; empty when it does not exist. */
    Optional<PathStat> statContainerPath(String containerId, String path);

    /** Reads a path of a container as a tar stream (its entries named from the path's base name). */
    ArchiveStream readArchive(String containerId, String path);

    /**
     * Extracts a tar stream into a directory of the container; a directory is never replaced by a file.
     * The stream is sent as it is read.
     */
    void writeArchive(String containerId, String directory, java.io.InputStream tar, boolean copyUidGid);

    // Events

    /**
     * The engine's events from now on about objects (containers, networks, volumes...) carrying every given label
     * with exactly the given value; closing the feed ends it.
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
    ContainerOutput attachOutput(String containerId);

    // Library API (compose-junit): health log

    /**
     * The last results of the container's health check, oldest first, each as its exit code and output
     * ({@code "exit 1: ..."}); empty when the container has no health check or is gone.
     */
    default List<String> healthLog(String containerId) {
        return List.of();
    }

    // Images: push and project images (pull, push and down --rmi)

    /**
     * Pushes an image to its registry with the credentials configured for it, reporting the engine's
     * progress messages; fails when the engine reports an error.
     */
    void pushImage(String reference, Consumer<PullProgress> progress);

    /** Images (not dangling ones) carrying every given label with exactly the given value. */
    List<ImageSummary> listImages(Map<String, String> labels);

    // swarm

    /** Whether this daemon is a manager of a swarm (only managers accept service, secret and config calls). */
    boolean isSwarmManager();

    /**
     * Services carrying every label of {@code labels} with exactly its value and every key of {@code labelKeys},
     * with their running and desired task counts.
     */
    java.util.List<io.github.compose4j.engine.swarm.SwarmService> listServices(Map<String, String> labels,
                                                                            java.util.Set<String> labelKeys);

    /** Creates a service and returns its id, with the daemon's warnings sent to {@code warnings}. */
    String createService(io.github.compose4j.engine.swarm.ServiceSpec spec, Optional<String> registryAuth,
                         Consumer<String> warnings);

    /** Replaces the spec of the service at {@code version}; the daemon rolls its tasks per the update policy. */
    void updateService(String id, long version, io.github.compose4j.engine.swarm.ServiceSpec spec,
                       Optional<String> registryAuth, Consumer<String> warnings);

    void removeService(String id);

    /** Tasks of the given services (of all services when empty). */
    java.util.List<io.github.compose4j.engine.swarm.SwarmTask> listTasks(java.util.Collection<String> serviceIds);

    java.util.List<io.github.compose4j.engine.swarm.SwarmNode> listNodes();

    /** Secrets or configs carrying every given label with exactly the given value. */
    java.util.List<io.github.compose4j.engine.swarm.SwarmFile> listSwarmFiles(
        io.github.compose4j.engine.swarm.SwarmFile.Kind kind, Map<String, String> labels);

    /** Creates a secret or config and returns its id; a name in use is a {@link EngineException.Kind#CONFLICT}. */
    String createSwarmFile(io.github.compose4j.engine.swarm.SwarmFileSpec spec);

    void removeSwarmFile(io.github.compose4j.engine.swarm.SwarmFile.Kind kind, String id);

    /** The digest a registry gives for an image reference ({@code sha256:...}); empty when it cannot be asked. */
    Optional<String> registryDigest(String image, Optional<String> registryAuth);

    /** The encoded credentials ({@code X-Registry-Auth}) for the registry of {@code image}; empty without any. */
    default Optional<String> registryAuth(String image) {
        return Optional.empty();
    }

    // Build

    /**
     * Builds an image with the engine's classic builder (API {@code POST /build}); the tar context is read from
     * {@code context} while it is sent. Output is reported as it comes; a failed build is a result, not an
     * exception (engine and transport failures still are).
     */
    BuildResult buildImage(ImageBuildSpec spec, java.io.InputStream context, Consumer<BuildMessage> output);
}
