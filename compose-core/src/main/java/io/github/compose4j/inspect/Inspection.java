package io.github.compose4j.inspect;

import io.github.compose4j.engine.ContainerDetails;
import io.github.compose4j.engine.ContainerListing;
import io.github.compose4j.engine.ContainerStats;
import io.github.compose4j.engine.ContainerSummary;
import io.github.compose4j.engine.Engine;
import io.github.compose4j.engine.EngineEvent;
import io.github.compose4j.engine.EventFeed;
import io.github.compose4j.engine.ImageSummary;
import io.github.compose4j.engine.PortBinding;
import io.github.compose4j.error.ComposeException;
import io.github.compose4j.error.Failure;
import io.github.compose4j.observe.Labels;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Predicate;

/**
 * Reads a project's containers, processes, ports, images and events from the engine, selecting them by labels
 * exactly as Docker Compose does (project names are compared in lower case, one-off containers only where
 * Compose includes them).
 */
public final class Inspection {
    private final Engine engine;

    public Inspection(Engine engine) {
        this.engine = engine;
    }

    /**
     * The project's containers: running service containers, or with {@code all} stopped ones and one-offs too;
     * only the given services' when some are named.
     */
    public List<ContainerRow> ps(String project, List<String> services, boolean all) {
        Map<String, String> labels = projectLabels(project);
        if (!all) {
            labels.put(Labels.ONEOFF, "False");
        }
        if (services.size() == 1) {
            labels.put(Labels.SERVICE, services.get(0));
        }
        List<ContainerRow> rows = new ArrayList<>();
        for (ContainerListing listing : engine.listContainerListings(labels, Set.of(), all)) {
            ContainerSummary c = listing.summary();
            if (!services.isEmpty() && !services.contains(c.label(Labels.SERVICE))) {
                continue;
            }
            Optional<ContainerDetails> details = engine.inspectContainer(c.id());
            if (details.isEmpty()) {
                continue; // removed since it was listed
            }
            rows.add(row(listing, details.get()));
        }
        return List.copyOf(rows);
    }

    private static ContainerRow row(ContainerListing listing, ContainerDetails details) {
        ContainerSummary c = listing.summary();
        List<ContainerRow.Publisher> publishers = c.ports().stream()
            .sorted(Comparator.comparingInt(PortBinding::containerPort))
            .map(p -> new ContainerRow.Publisher(p.hostIp(), p.containerPort(), p.hostPort(), p.protocol()))
            .toList();
        String health = "";
        int exitCode = 0;
        switch (details.status()) {
            case "running" -> health = details.health().orElse("");
            case "exited", "dead" -> exitCode = details.exitCode();
            default -> {
            }
        }
        List<String> mounts = new ArrayList<>();
        int local = 0;
        for (ContainerListing.ListedMount m : listing.mounts()) {
            mounts.add(m.name().isEmpty() ? m.source() : m.name());
            if (m.driver().equals("local")) {
                local++;
            }
        }
        return new ContainerRow(c.id(), c.name(), listing.names(), c.image(), c.label(Labels.PROJECT),
            c.label(Labels.SERVICE), listing.command(), c.state(), c.status(), c.created(), c.labels(), mounts, local,
            c.networks(), health, exitCode, publishers);
    }

    /** The projects that have containers on the engine (running ones only unless {@code all}), sorted by name. */
    public List<ProjectStack> projects(boolean all) {
        Map<String, List<ContainerSummary>> byProject = new TreeMap<>();
        for (ContainerListing listing : engine.listContainerListings(Map.of(),
            Set.of(Labels.PROJECT, Labels.CONFIG_HASH), all)) {
            ContainerSummary c = listing.summary();
            byProject.computeIfAbsent(c.label(Labels.PROJECT), k -> new ArrayList<>()).add(c);
        }
        List<ProjectStack> stacks = new ArrayList<>();
        byProject.forEach((name, containers) -> stacks.add(new ProjectStack(name,
            combinedStatus(containers.stream().map(ContainerSummary::state).toList()), configFiles(containers))));
        return List.copyOf(stacks);
    }

    /** {@code exited(1), running(2)}: each state with its count, states in alphabetical order. */
    static String combinedStatus(List<String> states) {
        Map<String, Integer> counts = new TreeMap<>();
        states.forEach(s -> counts.merge(s, 1, Integer::sum));
        StringBuilder sb = new StringBuilder();
        counts.forEach((state, n) -> sb.append(sb.length() == 0 ? "" : ", ").append(state).append('(').append(n)
            .append(')'));
        return sb.toString();
    }

    private static String configFiles(List<ContainerSummary> containers) {
        Set<String> files = new LinkedHashSet<>();
        for (ContainerSummary c : containers) {
            if (!c.labels().containsKey(Labels.CONFIG_FILES)) {
                return "N/A";
            }
            files.addAll(List.of(c.label(Labels.CONFIG_FILES).split(",", -1)));
        }
        return String.join(",", files);
    }

    /** The processes of the project's running containers (one-offs included), sorted by container name. */
    public List<ContainerProcesses> top(String project, List<String> services) {
        List<ContainerProcesses> result = new ArrayList<>();
        for (ContainerSummary c : engine.listContainers(projectLabels(project), false)) {
            if (!services.isEmpty() && !services.contains(c.label(Labels.SERVICE))) {
                continue;
            }
            var processes = engine.top(c.id());
            result.add(new ContainerProcesses(c.id(), c.name(), processes.titles(), processes.processes()));
        }
        result.sort(Comparator.comparing(ContainerProcesses::name));
        return List.copyOf(result);
    }

    /**
     * Where a container port of a service is published: on its running container numbered {@code index}, or on
     * its lowest-numbered one when {@code index} is 0.
     */
    public PublishedPort port(String project, String service, int containerPort, String protocol, int index) {
        Map<String, String> labels = projectLabels(project);
        labels.put(Labels.SERVICE, service);
        if (index > 0) {
            labels.put(Labels.CONTAINER_NUMBER, Integer.toString(index));
        }
        List<ContainerSummary> containers = new ArrayList<>(engine.listContainers(labels, false));
        if (containers.isEmpty()) {
            throw new ComposeException(Failure.GENERAL, index > 0
                ? "service \"" + service + "\" is not running container #" + index
                : "service \"" + service + "\" is not running");
        }
        containers.sort(Comparator.comparingInt(c -> number(c.label(Labels.CONTAINER_NUMBER))));
        ContainerSummary container = containers.get(0);
        for (PortBinding p : container.ports()) {
            if (p.containerPort() == containerPort && p.protocol().equals(protocol)) {
                return new PublishedPort(p.hostIp(), p.hostPort());
            }
        }
        List<String> ports = container.ports().stream().map(p -> p.hostPort() + "/" + p.protocol()).toList();
        throw new ComposeException(Failure.GENERAL, "no port " + containerPort + "/" + protocol + " for container "
            + container.name() + ": " + String.join(", ", ports));
    }

    private static int number(String label) {
        try {
            return Integer.parseInt(label);
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    /** The image of each of the project's containers (stopped ones and one-offs too). */
    public List<ImageRow> images(String project, List<String> services) {
        List<ContainerSummary> containers = engine.listContainers(projectLabels(project), true).stream()
            .filter(c -> services.isEmpty() || services.contains(c.label(Labels.SERVICE))).toList();
        Map<String, Optional<ImageSummary>> images = new LinkedHashMap<>();
        for (ContainerSummary c : containers) {
            images.computeIfAbsent(c.imageId(), engine::inspectImage);
        }
        List<ImageRow> rows = new ArrayList<>();
        for (ContainerSummary c : containers) {
            ImageSummary image = images.get(c.imageId()).orElseThrow(() -> new ComposeException(Failure.GENERAL,
                "failed to retrieve image for container " + c.name()));
            String repository = "";
            String tag = "";
            if (!image.repoTags().isEmpty()) {
                String ref = image.repoTags().get(0);
                int colon = ref.lastIndexOf(':');
                if (colon > ref.lastIndexOf('/')) {
                    tag = ref.substring(colon + 1);
                    ref = ref.substring(0, colon);
                }
                repository = familiar(ref);
            }
            rows.add(new ImageRow(image.id(), c.name(), repository, tag, image.size()));
        }
        return List.copyOf(rows);
    }

    /** {@code docker.io/library/busybox} is {@code busybox}, {@code docker.io/me/app} is {@code me/app}. */
    static String familiar(String repository) {
        String r = repository;
        for (String registry : List.of("docker.io/", "index.docker.io/")) {
            if (r.startsWith(registry)) {
                r = r.substring(registry.length());
                if (r.startsWith("library/") && r.indexOf('/', "library/".length()) < 0) {
                    r = r.substring("library/".length());
                }
            }
        }
        return r;
    }

    /**
     * Follows the project's container events (one-offs left out), handing each to {@code consumer} until it
     * returns false.
     */
    public void events(String project, List<String> services, Predicate<ComposeEvent> consumer) {
        try (EventFeed feed = engine.events(projectLabels(project))) {
            for (Optional<EngineEvent> next = feed.next(); next.isPresent(); next = feed.next()) {
                EngineEvent e = next.get();
                if (!e.type().equals("container") || "True".equals(e.attributes().get(Labels.ONEOFF))) {
                    continue;
                }
                String service = e.attributes().getOrDefault(Labels.SERVICE, "");
                if (!services.isEmpty() && !services.contains(service)) {
                    continue;
                }
                if (!consumer.test(event(e, service))) {
                    return;
                }
            }
        }
    }

    private static ComposeEvent event(EngineEvent e, String service) {
        Map<String, String> attributes = new LinkedHashMap<>();
        e.attributes().forEach((k, v) -> {
            if (!k.startsWith("com.docker.compose.")) {
                attributes.put(k, v);
            }
        });
        return new ComposeEvent(e.timeNanos(), service, e.actorId(), e.action(), attributes);
    }

    /** One resource-usage sample of each of the project's containers (of one service when named). */
    public List<ContainerStats> stats(String project, Optional<String> service, boolean all) {
        Map<String, String> labels = projectLabels(project);
        service.ifPresent(s -> labels.put(Labels.SERVICE, s));
        List<ContainerStats> stats = new ArrayList<>();
        for (ContainerSummary c : engine.listContainers(labels, all)) {
            stats.add(engine.stats(c.id()));
        }
        return List.copyOf(stats);
    }

    private static Map<String, String> projectLabels(String project) {
        Map<String, String> labels = new LinkedHashMap<>();
        labels.put(Labels.PROJECT, project.toLowerCase(Locale.ROOT));
        return labels;
    }
}
