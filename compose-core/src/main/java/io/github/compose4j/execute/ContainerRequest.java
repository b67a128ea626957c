package io.github.compose4j.execute;

import io.github.compose4j.engine.ContainerDetails.MountState;
import io.github.compose4j.model.Project;
import io.github.compose4j.model.Service;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Everything one container-create request is made from.
 *
 * @param project           the project, for networks, volumes, secrets, configs and its environment
 * @param service           the service the container belongs to
 * @param number            the container number (1 for the first replica)
 * @param name              the name to create the container with (a temporary one when it replaces another)
 * @param labels            all its labels ({@link ComposeLabels#container})
 * @param refs              the other containers and networks it refers to
 * @param apiVersion        the engine's API version
 * @param useNetworkAliases whether the service name and its network aliases are aliases of the container
 *                          ({@code up} always, {@code run} with {@code --use-aliases})
 * @param autoRemove        remove the container when it exits ({@code run --rm})
 * @param attachStdin       attach standard input ({@code run -i})
 * @param inheritedMounts   the mounts of the container this one replaces, when its anonymous volumes
 *                          are carried over (empty otherwise)
 * @param imageVolumes      the volumes the image declares ({@code VOLUME}), whose inherited mounts are kept too
 * @param home              the user's home directory, for {@code ~} in a seccomp profile path
 */
public record ContainerRequest(Project project, Service service, int number, String name, Map<String, String> labels,
                               ResolvedReferences refs, String apiVersion, boolean useNetworkAliases,
                               boolean autoRemove, boolean attachStdin, List<MountState> inheritedMounts,
                               Set<String> imageVolumes, Optional<Path> home) {
    public ContainerRequest {
        labels = Map.copyOf(labels);
        inheritedMounts = List.copyOf(inheritedMounts);
        imageVolumes = Set.copyOf(imageVolumes);
    }

    /** A request for {@code up}: network aliases, no auto-removal, no stdin, nothing inherited. */
    public static ContainerRequest forUp(Project project, Service service, int number, String name,
                                         Map<String, String> labels, ResolvedReferences refs, String apiVersion) {
        return new ContainerRequest(project, service, number, name, labels, refs, apiVersion, true, false, false,
                List.of(), Set.of(), Optional.empty());
    }

    /** The same request, carrying over the anonymous volumes of the container it replaces. */
    public ContainerRequest inheriting(List<MountState> mounts, Set<String> volumesOfImage) {
        return new ContainerRequest(project, service, number, name, labels, refs, apiVersion, useNetworkAliases,
                autoRemove, attachStdin, mounts, volumesOfImage, home);
    }

    public ContainerRequest withHome(Path homeDirectory) {
        return new ContainerRequest(project, service, number, name, labels, refs, apiVersion, useNetworkAliases,
                autoRemove, attachStdin, inheritedMounts, imageVolumes, Optional.of(homeDirectory));
    }
}
