package io.github.compose4j.execute;

import io.github.compose4j.engine.ContainerSummary;
import io.github.compose4j.engine.ImageSummary;
import io.github.compose4j.model.Project;
import io.github.compose4j.observe.Labels;
import io.github.compose4j.observe.ObservedState;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * What the executor knows of the project's containers while it changes them: per service, its
 * containers by name with their ids. Starts from the observed state; steps record what they create,
 * rename and remove. Thread-safe.
 */
final class Runtime {
    private final Project project;
    private final Map<String, TreeMap<String, String>> containers = new HashMap<>();
    private final Map<String, String> networkIds = new HashMap<>();
    private final ObservedState observed;
    private final io.github.compose4j.observe.ConfigHashes hashes;
    private final boolean observationCurrent;

    /**
     * @param observationCurrent whether the plan changes no container, so that the observation stays the state
     *                           of the project's containers
     */
    Runtime(Project project, ObservedState observed, io.github.compose4j.observe.ConfigHashes hashes,
            boolean observationCurrent) {
        this.project = project;
        this.observed = observed;
        this.hashes = hashes;
        this.observationCurrent = observationCurrent;
        for (ContainerSummary c : observed.serviceContainers()) {
            containers.computeIfAbsent(c.label(Labels.SERVICE), k -> new TreeMap<>()).put(c.name(), c.id());
        }
    }

    Project project() {
        return project;
    }

    io.github.compose4j.observe.ConfigHashes hashes() {
        return hashes;
    }

    /** The observed service containers, when the plan changes none of them (else empty: list them again). */
    Optional<List<ContainerSummary>> currentContainers() {
        return observationCurrent ? Optional.of(observed.serviceContainers()) : Optional.empty();
    }

    /** The image as observed before this plan (pulls are observed again before the plan that follows them). */
    Optional<ImageSummary> observedImage(String reference) {
        return observed.image(reference);
    }

    synchronized void put(String service, String name, String id) {
        containers.computeIfAbsent(service, k -> new TreeMap<>()).put(name, id);
    }

    synchronized void remove(String service, String name) {
        TreeMap<String, String> m = containers.get(service);
        if (m != null) {
            m.remove(name);
        }
    }

    /** The id of the service's first container by name, or an empty string. */
    synchronized String firstContainerId(String service) {
        TreeMap<String, String> m = containers.get(service);
        return m == null || m.isEmpty() ? "" : m.firstEntry().getValue();
    }

    synchronized Map<String, String> firstContainerIds() {
        Map<String, String> out = new HashMap<>();
        containers.forEach((service, m) -> {
            if (!m.isEmpty()) {
                out.put(service, m.firstEntry().getValue());
            }
        });
        return out;
    }

    synchronized Map<String, List<String>> containerNames() {
        Map<String, List<String>> out = new HashMap<>();
        containers.forEach((service, m) -> out.put(service, new ArrayList<>(m.keySet())));
        return out;
    }

    /** Records the id of an external network (Compose refers to external networks by id). */
    synchronized void networkId(String key, String id) {
        networkIds.put(key, id);
    }

    /** The containers and external networks new containers may refer to. */
    synchronized ResolvedReferences references() {
        Map<String, List<ResolvedReferences.ContainerRef>> refs = new HashMap<>();
        containers.forEach((service, m) -> {
            List<ResolvedReferences.ContainerRef> list = new ArrayList<>();
            m.forEach((name, id) -> list.add(new ResolvedReferences.ContainerRef(id, name)));
            refs.put(service, list);
        });
        return new ResolvedReferences(refs, Map.copyOf(networkIds));
    }

    /** Ids of a service's containers. */
    synchronized List<String> ids(String service) {
        TreeMap<String, String> m = containers.get(service);
        return m == null ? List.of() : new ArrayList<>(m.values());
    }
}
