package io.github.compose4j.stack;

import io.github.compose4j.engine.swarm.Endpoint;
import io.github.compose4j.engine.swarm.ServiceMode;
import io.github.compose4j.engine.swarm.SwarmNode;
import io.github.compose4j.engine.swarm.SwarmService;
import io.github.compose4j.engine.swarm.SwarmTask;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** The rows of {@code stack ls}, {@code stack services} and {@code stack ps}, as {@code docker stack} builds them. */
public final class StackViews {
    private StackViews() {
    }

    public record StackRow(String name, int services) {
    }

    public record ServiceRow(String id, String name, String mode, String replicas, String image, String ports) {
    }

    /**
     * A task; {@code previous} marks an earlier task of the same slot (shown indented under the current one).
     */
    public record TaskRow(String id, String name, boolean previous, String image, String node, String desiredState,
                          String state, Instant since, String error, String ports) {
    }

    /** Stacks by name, from the services carrying the namespace label. */
    public static List<StackRow> stacks(List<SwarmService> services) {
        Map<String, Integer> counts = new TreeMap<>();
        services.forEach(s -> counts.merge(s.spec().labels().getOrDefault(StackLabels.NAMESPACE, ""), 1,
            Integer::sum));
        List<StackRow> rows = new ArrayList<>();
        counts.forEach((name, n) -> rows.add(new StackRow(name, n)));
        return rows;
    }

    public static List<ServiceRow> services(List<SwarmService> services) {
        List<ServiceRow> rows = new ArrayList<>();
        for (SwarmService s : services) {
            ServiceMode mode = s.spec().mode();
            String counts = s.runningTasks() + "/" + s.desiredTasks();
            long maxPerNode = s.spec().task().placement().maxReplicasPerNode();
            String replicas = switch (mode.kind()) {
                case REPLICATED_JOB -> counts + " (" + s.completedTasks() + "/" + mode.replicas() + " completed)";
                case GLOBAL_JOB -> counts + " (" + s.completedTasks() + "/" + (s.desiredTasks() + s.completedTasks())
                    + " completed)";
                default -> maxPerNode > 0 ? counts + " (max " + maxPerNode + " per node)" : counts;
            };
            List<String> ports = new ArrayList<>();
            for (Endpoint.PublishedPort p : s.spec().endpoint().ports()) {
                if (p.publishMode().equals("ingress") && p.published() != 0) {
                    ports.add("*:" + p.published() + "->" + p.target() + "/" + p.protocol());
                }
            }
            rows.add(new ServiceRow(s.id(), s.spec().name(), mode.kind().display(), replicas,
                displayImage(s.spec().task().container().image()), String.join(", ", ports)));
        }
        rows.sort(Comparator.comparing(ServiceRow::name));
        return rows;
    }

    public static List<TaskRow> tasks(List<SwarmService> services, List<SwarmTask> tasks, List<SwarmNode> nodes) {
        Map<String, String> serviceNames = new HashMap<>();
        services.forEach(s -> serviceNames.put(s.id(), s.spec().name()));
        Map<String, String> nodeNames = new HashMap<>();
        nodes.forEach(n -> nodeNames.put(n.id(), n.hostname()));
        List<SwarmTask> sorted = new ArrayList<>(tasks);
        sorted.sort(Comparator.comparing((SwarmTask t) -> name(t, serviceNames)).thenComparing(SwarmTask::since,
            Comparator.reverseOrder()));
        List<TaskRow> rows = new ArrayList<>();
        String previousName = "";
        for (SwarmTask t : sorted) {
            String name = name(t, serviceNames);
            List<String> ports = new ArrayList<>();
            t.hostPorts().forEach(p -> ports.add("*:" + p.published() + "->" + p.target() + "/" + p.protocol()));
            rows.add(new TaskRow(t.id(), name, name.equals(previousName), t.image(),
                nodeNames.getOrDefault(t.nodeId(), t.nodeId()), capitalize(t.desiredState()), capitalize(t.state()),
                t.since(), t.error(), String.join(",", ports)));
            previousName = name;
        }
        return rows;
    }

    private static String name(SwarmTask t, Map<String, String> serviceNames) {
        String service = serviceNames.getOrDefault(t.serviceId(), t.serviceId());
        return service + "." + (t.slot() != 0 ? Long.toString(t.slot()) : t.nodeId());
    }

    /** The image without its digest, as {@code docker service ls} shows a pinned tag. */
    public static String displayImage(String image) {
        int at = image.indexOf('@');
        if (at < 0) {
            return image;
        }
        String named = image.substring(0, at);
        int slash = named.lastIndexOf('/');
        return named.indexOf(':', slash + 1) >= 0 ? named : image;
    }

    static String capitalize(String s) {
        return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }
}
