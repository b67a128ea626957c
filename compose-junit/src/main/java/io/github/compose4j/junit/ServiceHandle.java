package io.github.compose4j.junit;

import io.github.compose4j.api.ComposeProject;
import io.github.compose4j.api.ExecResult;
import io.github.compose4j.api.ServiceContainer;

import java.net.URI;
import java.util.Comparator;
import java.util.List;

/**
 * One replica of a service of a running stack, as a test reaches it: its published ports on the Docker host (the
 * container's own binding, no proxy container in between), commands run in it, its output and its lifecycle.
 * Every call reads the stack's current state, so a handle stays valid across restarts.
 */
public final class ServiceHandle {
    private final ComposeProject project;
    private final String service;
    private final int index;
    private final String dockerHost;

    ServiceHandle(ComposeProject project, String service, int index, String dockerHost) {
        this.project = project;
        this.service = service;
        this.index = index;
        this.dockerHost = dockerHost;
    }

    /** The service name. */
    public String service() {
        return service;
    }

    /** The replica number this handle addresses, from 1; 0 for the service's first replica. */
    public int index() {
        return index;
    }

    /** The handle of another replica of the same service (from 1). */
    public ServiceHandle replica(int index) {
        return new ServiceHandle(project, service, index, dockerHost);
    }

    /** A handle per replica the service has now, by replica number. */
    public List<ServiceHandle> replicas() {
        return project.ps(service).stream().map(c -> replica(c.index())).toList();
    }

    /** The stack this service belongs to. */
    public ComposeProject project() {
        return project;
    }

    /** The container this handle addresses now (its id changes when the service is recreated). */
    public ServiceContainer container() {
        List<ServiceContainer> containers = project.ps(service);
        return containers.stream().filter(c -> index == 0 || c.index() == index)
                .min(Comparator.comparingInt(ServiceContainer::index))
                .orElseThrow(() -> new IllegalStateException("service \"" + service + "\" has no container"
                        + (index > 0 ? " #" + index : "") + " in project " + project.name()));
    }

    /** The host the published ports are reached on: the Docker host ({@code localhost} for a local daemon). */
    public String host() {
        return dockerHost;
    }

    /** The host port a TCP container port is published on. */
    public int port(int containerPort) {
        return port(containerPort, "tcp");
    }

    /**
     * The host port a container port is published on.
     *
     * @throws IllegalStateException when the port is not published (give the service {@code ports: ["PORT"]})
     */
    public int port(int containerPort, String protocol) {
        ServiceContainer c = container();
        return c.ports().stream()
                .filter(p -> p.containerPort() == containerPort && p.protocol().equals(protocol) && p.publishedPort() > 0)
                .min(Comparator.comparing(p -> p.hostIp().contains(":")))
                .map(ServiceContainer.Port::publishedPort)
                .orElseThrow(() -> new IllegalStateException("port " + containerPort + "/" + protocol + " of "
                        + c.name() + " is not published; publish it with ports: [\"" + containerPort + "\"]"));
    }

    /** {@code host:port} of a published TCP container port. */
    public String endpoint(int containerPort) {
        return host() + ":" + port(containerPort);
    }

    /** A URI of a published TCP container port, such as {@code http://localhost:32768/health}. */
    public URI uri(String scheme, int containerPort, String path) {
        return URI.create(scheme + "://" + endpoint(containerPort) + (path.startsWith("/") ? path : "/" + path));
    }

    /** Runs a command in the container (no TTY, no input) and waits for it. */
    public ExecResult exec(String... command) {
        return project.exec(service, index, command);
    }

    /** Everything the container wrote to stdout and stderr so far. */
    public String logs() {
        return project.logs(service, effectiveIndex(), 0);
    }

    /** The last {@code lines} lines the container wrote. */
    public String logs(int lines) {
        return project.logs(service, effectiveIndex(), lines);
    }

    /** Restarts the container (not waiting for readiness). */
    public void restart() {
        project.restart(service, effectiveIndex());
    }

    /** Stops the container, within its stop grace period. */
    public void stop() {
        project.stop(service, effectiveIndex());
    }

    /** Starts the container again after {@link #stop()} or {@link #kill()}. */
    public void start() {
        project.start(service, effectiveIndex());
    }

    /** Kills the container with {@code SIGKILL}. */
    public void kill() {
        project.kill(service, effectiveIndex(), "SIGKILL");
    }

    private int effectiveIndex() {
        return index > 0 ? index : container().index();
    }

    @Override
    public String toString() {
        return project.name() + "/" + service + (index > 0 ? "#" + index : "");
    }
}
