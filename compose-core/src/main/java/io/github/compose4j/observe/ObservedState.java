package io.github.compose4j.observe;

import io.github.compose4j.engine.ContainerSummary;
import io.github.compose4j.engine.Engine;
import io.github.compose4j.engine.ImageSummary;
import io.github.compose4j.engine.NetworkSummary;
import io.github.compose4j.engine.VolumeSummary;
import io.github.compose4j.model.Project;
import io.github.compose4j.model.Service;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

/**
 * What the engine holds for a project, read once before planning: the project's containers (found by
 * exact label value, one-offs included), its networks and volumes (by label, and by the names the
 * project gives them), and the images its services use.
 *
 * @param networksByName the networks named as the project's networks are, when they exist
 * @param volumesByName  the volumes named as the project's volumes are, when they exist
 * @param imagesByRef    the images the services refer to, when present
 */
public record ObservedState(String project, List<ContainerSummary> containers, List<NetworkSummary> projectNetworks,
                            Map<String, NetworkSummary> networksByName, List<VolumeSummary> projectVolumes,
                            Map<String, VolumeSummary> volumesByName, Map<String, ImageSummary> imagesByRef) {

    /**
     * Written out rather than composed with {@code Comparator.comparingInt(...).thenComparingLong(...)}: those return
     * serializable lambdas, which the class-data-sharing archive cannot hold, so every command generated them.
     */
    private static final Comparator<ContainerSummary> BY_NUMBER_THEN_CREATION = (a, b) -> {
        int byNumber = Integer.compare(number(a), number(b));
        return byNumber != 0 ? byNumber : Long.compare(a.created(), b.created());
    };

    public ObservedState {
        containers = List.copyOf(containers);
        projectNetworks = List.copyOf(projectNetworks);
        networksByName = Map.copyOf(networksByName);
        projectVolumes = List.copyOf(projectVolumes);
        volumesByName = Map.copyOf(volumesByName);
        imagesByRef = Map.copyOf(imagesByRef);
    }

    /** An empty engine. */
    public static ObservedState empty(String project) {
        return new ObservedState(project, List.of(), List.of(), Map.of(), List.of(), Map.of(), Map.of());
    }

    /** Reads what the engine has for {@code project}. */
    public static ObservedState capture(Engine engine, Project project) {
        Map<String, String> byProject = Map.of(Labels.PROJECT, project.name());
        Supplier<List<NetworkSummary>> networks = Reads.start(() -> engine.listNetworks(byProject));
        Supplier<List<VolumeSummary>> volumes = Reads.start(() -> engine.listVolumes(byProject));
        ObservedState named = forUp(engine, project);
        return new ObservedState(project.name(), named.containers, networks.get(), named.networksByName,
                volumes.get(), named.volumesByName, named.imagesByRef);
    }

    /**
     * What {@code up} reads, as Compose reads it: the project's containers, and its networks, volumes and images
     * by name. The networks and volumes listed by label (used by {@code down} and label projects) stay empty.
     */
    public static ObservedState forUp(Engine engine, Project project) {
        List<String> networkNames = new ArrayList<>();
        project.networks().values().forEach(n -> networkNames.add(n.name()));
        List<String> volumeNames = new ArrayList<>();
        project.volumes().values().forEach(v -> volumeNames.add(v.name()));
        Set<String> refs = new LinkedHashSet<>();
        for (Service s : project.services().values()) {
            refs.add(imageOf(project, s));
        }
        List<String> imageRefs = new ArrayList<>(refs);
        // One request per read, all issued at once; the container listing (the longest) on this thread.
        Supplier<List<Optional<NetworkSummary>>> networks = Reads.startAll(networkNames, engine::inspectNetwork);
        Supplier<List<Optional<VolumeSummary>>> volumes = Reads.startAll(volumeNames, engine::inspectVolume);
        Supplier<List<Optional<ImageSummary>>> images = Reads.startAll(imageRefs, engine::inspectImage);
        List<ContainerSummary> containers = engine.listContainers(Map.of(Labels.PROJECT, project.name()), true);
        return new ObservedState(project.name(), containers, List.of(), found(networkNames, networks.get()), List.of(),
                found(volumeNames, volumes.get()), found(imageRefs, images.get()));
    }

    /** The objects found, by the name they were read by. */
    private static <T> Map<String, T> found(List<String> names, List<Optional<T>> results) {
        Map<String, T> out = new HashMap<>();
        for (int i = 0; i < names.size(); i++) {
            String name = names.get(i);
            results.get(i).ifPresent(found -> out.put(name, found));
        }
        return out;
    }

    /** Reads what the engine has for a project known only by its name (labels alone). */
    public static ObservedState capture(Engine engine, String projectName) {
        Map<String, String> byProject = Map.of(Labels.PROJECT, projectName);
        Supplier<List<NetworkSummary>> networks = Reads.start(() -> engine.listNetworks(byProject));
        Supplier<List<VolumeSummary>> volumes = Reads.start(() -> engine.listVolumes(byProject));
        List<ContainerSummary> containers = engine.listContainers(byProject, true);
        return new ObservedState(projectName, containers, networks.get(), Map.of(), volumes.get(), Map.of(), Map.of());
    }

    /** The image a service runs: its {@code image}, or the name Compose gives the image it builds. */
    public static String imageOf(Project project, Service service) {
        return service.image().isEmpty() ? project.name() + "-" + service.name() : service.image();
    }

    /** The service (not one-off) containers of a service, by container number then creation time. */
    public List<ContainerSummary> serviceContainers(String service) {
        List<ContainerSummary> out = new ArrayList<>();
        for (ContainerSummary c : containers) {
            if (!isOneOff(c) && c.label(Labels.SERVICE).equals(service)) {
                out.add(c);
            }
        }
        out.sort(BY_NUMBER_THEN_CREATION);
        return Collections.unmodifiableList(out);
    }

    /** All containers that are not one-offs. */
    public List<ContainerSummary> serviceContainers() {
        List<ContainerSummary> out = new ArrayList<>();
        for (ContainerSummary c : containers) {
            if (!isOneOff(c)) {
                out.add(c);
            }
        }
        return out;
    }

    public Optional<NetworkSummary> network(String name) {
        return Optional.ofNullable(networksByName.get(name));
    }

    public Optional<VolumeSummary> volume(String name) {
        return Optional.ofNullable(volumesByName.get(name));
    }

    public Optional<ImageSummary> image(String reference) {
        return Optional.ofNullable(imagesByRef.get(reference));
    }

    public static boolean isOneOff(ContainerSummary c) {
        return c.label(Labels.ONEOFF).equals("True");
    }

    /** The container number label, or 0 when missing or not a number. */
    public static int number(ContainerSummary c) {
        try {
            return Integer.parseInt(c.label(Labels.CONTAINER_NUMBER));
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
