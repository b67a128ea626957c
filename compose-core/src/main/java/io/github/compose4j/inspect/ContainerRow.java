package io.github.compose4j.inspect;

import java.util.List;
import java.util.Map;

/**
 * A container of a project as {@code ps} reports it (Docker Compose's container summary).
 *
 * @param names        every name the engine lists, with their leading slash
 * @param command      the command line as the engine prints it
 * @param created      creation time, seconds since the epoch
 * @param mounts       volume names, or sources for binds
 * @param localVolumes how many mounts use the {@code local} driver
 * @param health       the health status while running with a health check, else empty
 * @param exitCode     the exit code once exited or dead, else 0
 * @param publishers   ports, sorted by container port
 */
public record ContainerRow(String id, String name, List<String> names, String image, String project, String service,
                           String command, String state, String status, long created, Map<String, String> labels,
                           List<String> mounts, int localVolumes, List<String> networks, String health, int exitCode,
                           List<Publisher> publishers) {
    public ContainerRow {
        names = List.copyOf(names);
        labels = Map.copyOf(labels);
        mounts = List.copyOf(mounts);
        networks = List.copyOf(networks);
        publishers = List.copyOf(publishers);
    }

    /** A port of the container: where it is published (address and port, empty and 0 when it is not). */
    public record Publisher(String url, int targetPort, int publishedPort, String protocol) {
    }
}
