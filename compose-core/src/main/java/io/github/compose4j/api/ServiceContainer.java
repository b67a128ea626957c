package io.github.compose4j.api;

import java.util.List;
import java.util.Optional;

/**
 * A container of the project, as {@code ps} lists it.
 *
 * @param id       the container id
 * @param name     the container name ({@code <project>-<service>-<n>})
 * @param service  the service it runs
 * @param index    its replica number, from 1
 * @param state    the engine's state: {@code created}, {@code running}, {@code exited}, {@code restarting}...
 * @param health   {@code starting}, {@code healthy} or {@code unhealthy} when the container has a health check
 * @param exitCode the exit code once exited, else 0
 * @param ports    its ports, by container port
 */
public record ServiceContainer(String id, String name, String service, int index, String state,
                               Optional<String> health, int exitCode, List<Port> ports) {
    public ServiceContainer {
        ports = List.copyOf(ports);
    }

    /**
     * A container port and where it is published.
     *
     * @param hostIp        the host address it is bound to ({@code 0.0.0.0} for all); empty when not published
     * @param publishedPort the host port; 0 when not published
     */
    public record Port(int containerPort, String protocol, String hostIp, int publishedPort) {
    }

    /** Whether the container is running. */
    public boolean running() {
        return state.equals("running");
    }
}
