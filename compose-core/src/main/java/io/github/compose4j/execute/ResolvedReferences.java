package io.github.compose4j.execute;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What a container's configuration refers to that only the engine knows: the containers of other
 * services ({@code network_mode}, {@code ipc} and {@code pid} of {@code service:x}, {@code volumes_from},
 * {@code links}) and the engine names of project networks where they differ from the model's.
 *
 * @param containers   the project's non-one-off containers of each service, running or not, in the
 *                     order the engine listed them
 * @param networkNames the name to use for a network key when it is not the model's name: Compose
 *                     uses the id of an external network it looked up
 */
public record ResolvedReferences(Map<String, List<ContainerRef>> containers, Map<String, String> networkNames) {

    public static final ResolvedReferences NONE = new ResolvedReferences(Map.of(), Map.of());

    public ResolvedReferences {
        Map<String, List<ContainerRef>> copy = new LinkedHashMap<>();
        containers.forEach((k, v) -> copy.put(k, List.copyOf(v)));
        containers = java.util.Collections.unmodifiableMap(copy);
        networkNames = Map.copyOf(networkNames);
    }

    /** A container of the project: its id and its name without the leading slash. */
    public record ContainerRef(String id, String name) {
    }

    public List<ContainerRef> of(String service) {
        return containers.getOrDefault(service, List.of());
    }

    /** The container Compose picks to share a namespace or volumes with: the first by name. */
    public Optional<ContainerRef> first(String service) {
        List<ContainerRef> sorted = new ArrayList<>(of(service));
        sorted.sort(Comparator.comparing(ContainerRef::name));
        return sorted.stream().findFirst();
    }

    public ResolvedReferences withContainers(String service, List<ContainerRef> refs) {
        Map<String, List<ContainerRef>> copy = new LinkedHashMap<>(containers);
        copy.put(service, refs);
        return new ResolvedReferences(copy, networkNames);
    }
}
