package io.github.compose4j.plan;

import io.github.compose4j.engine.ContainerSummary;
import io.github.compose4j.engine.NetworkSummary;
import io.github.compose4j.engine.VolumeSummary;
import io.github.compose4j.error.ComposeException;
import io.github.compose4j.error.Failure;
import io.github.compose4j.graph.DependencyGraph;
import io.github.compose4j.model.Network;
import io.github.compose4j.model.Project;
import io.github.compose4j.model.Service;
import io.github.compose4j.model.Volume;
import io.github.compose4j.observe.ConfigHashes;
import io.github.compose4j.observe.Labels;
import io.github.compose4j.observe.ObservedState;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * Decides what {@code up} must do to make the engine match the project: pure and deterministic (same
 * inputs, same plan), so it is tested with golden plans and printed by {@code --dry-run}.
 *
 * <p>It follows Docker Compose 2.26's convergence: images are pulled when missing, networks and
 * volumes created when absent, then each service (after the services it depends on) keeps, recreates,
 * adds or removes containers to reach its scale; a container is recreated when its config hash or
 * image differs, when asked to, or when a service it depends on was recreated. Then services start in
 * dependency order, each after waiting for its dependencies' conditions.
 */
public final class Planner {
    private final Project project;
    private final ObservedState observed;
    private final UpOptions options;
    private final ConfigHashes hashes;
    private final List<Step> steps = new ArrayList<>();
    private final List<String> warnings = new ArrayList<>();
    private final Map<String, List<String>> serviceSteps = new LinkedHashMap<>();
    private final Set<String> recreatedServices = new HashSet<>();
    /** Per converged service: its containers after this plan, by name, with their id when already known. */
    private final Map<String, TreeMap<String, String>> outcome = new LinkedHashMap<>();
    private final List<String> preconditions = new ArrayList<>();
    private final List<String> resources = new ArrayList<>();

    private Planner(Project project, ObservedState observed, UpOptions options, ConfigHashes hashes) {
        this.project = project;
        this.observed = observed;
        this.options = options;
        this.hashes = hashes;
    }

    /** The plan of {@code up} (or {@code create}, without start) for the project's enabled services. */
    public static Plan up(Project project, ObservedState observed, UpOptions options) {
        return up(project, observed, options, ConfigHashes.lazy());
    }

    /** As {@link #up(Project, ObservedState, UpOptions)}, with the services' config hashes from {@code hashes}. */
    public static Plan up(Project project, ObservedState observed, UpOptions options, ConfigHashes hashes) {
        return new Planner(project, observed, options, hashes).planUp(true);
    }

    /**
     * The plan of {@code up} once the images it had to pull are pulled ({@code observed} captured after
     * the pulls): no pull again, and containers compared with the images now present. Compose decides
     * after pulling, so a pull that brings the same image recreates nothing.
     */
    public static Plan upAfterPull(Project project, ObservedState observed, UpOptions options) {
        return upAfterPull(project, observed, options, ConfigHashes.lazy());
    }

    /** As {@link #upAfterPull(Project, ObservedState, UpOptions)}, with the config hashes from {@code hashes}. */
    public static Plan upAfterPull(Project project, ObservedState observed, UpOptions options, ConfigHashes hashes) {
        return new Planner(project, observed, options, hashes).planUp(false);
    }

    private Plan planUp(boolean pull) {
        if (pull) {
            images();
        }
        externals();
        Preconditions.checkImages(project, observed, pull);
        networks();
        volumes();
        orphans();
        DependencyGraph graph = DependencyGraph.of(project.services());
        List<String> order = graph.startOrder();
        for (String name : order) {
            converge(project.services().get(name), graph);
        }
        if (options.start()) {
            List<String> converged = new ArrayList<>();
            serviceSteps.values().forEach(converged::addAll);
            List<String> started = new ArrayList<>();
            for (String name : order) {
                List<String> after = new ArrayList<>(converged);
                for (String dep : graph.dependencies(name)) {
                    after.add(startId(dep));
                }
                add(startId(name), new Action.StartService(name), after, "");
                started.add(startId(name));
            }
            if (options.waitForServices()) {
                add("wait", new Action.WaitForServices(new ArrayList<>(new java.util.TreeSet<>(project.services().keySet())),
                        options.waitTimeoutMillis()), started, "--wait");
            }
        }
        return new Plan(steps, warnings);
    }

    private static String startId(String service) {
        return "start:" + service;
    }

    private final Set<String> usedIds = new HashSet<>();

    /** Adds a step; an id already taken (two services with one container_name) gets a suffix. */
    private String add(String id, Action action, List<String> after, String reason) {
        String unique = id;
        for (int n = 2; !usedIds.add(unique); n++) {
            unique = id + "#" + n;
        }
        steps.add(new Step(unique, action, dedupe(after), reason));
        return unique;
    }

    private static List<String> dedupe(List<String> ids) {
        return new ArrayList<>(new java.util.LinkedHashSet<>(ids));
    }

    private void images() {
        Map<String, List<String>> pulls = new TreeMap<>();
        Map<String, String> platforms = new LinkedHashMap<>();
        for (Service s : new TreeMap<>(project.services()).values()) {
            String image = ObservedState.imageOf(project, s);
            if (s.image().isEmpty()) {
                continue;
            }
            boolean present = observed.image(image).isPresent();
            boolean pull = switch (s.pullPolicy()) {
                case "always" -> true;
                case "never", "build" -> false;
                default -> !present;
            };
            if (pull) {
                pulls.computeIfAbsent(image, k -> new ArrayList<>()).add(s.name());
                // Compose pulls for the project's DOCKER_DEFAULT_PLATFORM when the service names none.
                platforms.putIfAbsent(image, s.platform().isEmpty()
                        ? project.environment().getOrDefault("DOCKER_DEFAULT_PLATFORM", "") : s.platform());
            }
        }
        pulls.forEach((image, services) -> {
            String id = "pull:" + image;
            add(id, new Action.PullImage(image, platforms.get(image), services), List.of(),
                    "image missing for " + String.join(", ", services));
            preconditions.add(id);
        });
    }

    /**
     * The external networks and volumes are checked before any network or volume is created, so that a missing one
     * fails {@code up} before it leaves anything behind (Compose creates the networks first).
     */
    private void externals() {
        for (Map.Entry<String, Network> e : new TreeMap<>(project.networks()).entrySet()) {
            if (e.getValue().external()) {
                String id = "network:" + e.getKey();
                add(id, new Action.CheckExternalNetwork(e.getKey(), e.getValue().name()), List.of(), "external");
                preconditions.add(id);
            }
        }
        for (Map.Entry<String, Volume> e : new TreeMap<>(project.volumes()).entrySet()) {
            if (e.getValue().external()) {
                String id = "volume:" + e.getKey();
                add(id, new Action.CheckExternalVolume(e.getKey(), e.getValue().name()), List.of(), "external");
                preconditions.add(id);
            }
        }
    }

    private void networks() {
        for (Map.Entry<String, Network> e : new TreeMap<>(project.networks()).entrySet()) {
            String key = e.getKey();
            Network n = e.getValue();
            String id = "network:" + key;
            if (n.external()) {
                continue;
            }
            Optional<NetworkSummary> existing = observed.network(n.name());
            if (existing.isPresent()) {
                Map<String, String> labels = existing.get().labels();
                String p = labels.get(Labels.PROJECT);
                if (p == null) {
                    warnings.add("a network with name " + n.name() + " exists but was not created by compose.\n"
                            + "Set `external: true` to use an existing network");
                } else if (!p.equals(project.name())) {
                    warnings.add("a network with name " + n.name() + " exists but was not created for project \""
                            + project.name() + "\".\nSet `external: true` to use an existing network");
                }
                String label = labels.getOrDefault(Labels.NETWORK, "");
                if (p != null && !label.equals(key)) {
                    throw new ComposeException(Failure.GENERAL, "network " + n.name() + " was found but has incorrect label "
                            + Labels.NETWORK + " set to \"" + label + "\"");
                }
                continue;
            }
            add(id, new Action.CreateNetwork(key, n.name()), preconditions, "absent");
            resources.add(id);
        }
    }

    private void volumes() {
        for (Map.Entry<String, Volume> e : new TreeMap<>(project.volumes()).entrySet()) {
            String key = e.getKey();
            Volume v = e.getValue();
            String id = "volume:" + key;
            if (v.external()) {
                continue;
            }
            Optional<VolumeSummary> existing = observed.volume(v.name());
            if (existing.isPresent()) {
                String p = existing.get().labels().get(Labels.PROJECT);
                if (p == null) {
                    warnings.add("volume \"" + v.name() + "\" already exists but was not created by Docker Compose. "
                            + "Use `external: true` to use an existing volume");
                } else if (!p.equals(project.name())) {
                    warnings.add("volume \"" + v.name() + "\" already exists but was created for project \"" + p
                            + "\" (expected \"" + project.name() + "\"). Use `external: true` to use an existing volume");
                }
                continue;
            }
            add(id, new Action.CreateVolume(key, v.name()), preconditions, "absent");
            resources.add(id);
        }
        // Preconditions were only needed as dependencies of the resources created above.
    }

    private void orphans() {
        Set<String> known = new HashSet<>(project.services().keySet());
        known.addAll(project.disabledServices().keySet());
        List<ContainerSummary> orphans = new ArrayList<>();
        for (ContainerSummary c : observed.containers()) {
            if (!known.contains(c.label(Labels.SERVICE))) {
                orphans.add(c);
            }
        }
        if (orphans.isEmpty() || options.ignoreOrphans()) {
            return;
        }
        orphans.sort(java.util.Comparator.comparing(ContainerSummary::name));
        if (options.removeOrphans()) {
            for (ContainerSummary c : orphans) {
                if (!options.removeForeignOrphans() && io.github.compose4j.observe.Checkouts.fromOtherFolder(c, project)) {
                    warnings.add(io.github.compose4j.observe.Checkouts.keptWarning(c));
                    continue;
                }
                add("orphan:" + c.name(), new Action.RemoveContainer(c.label(Labels.SERVICE), c.id(), c.name(), false),
                        preconditions, "orphan");
            }
            return;
        }
        List<String> names = new ArrayList<>();
        orphans.forEach(c -> names.add(c.name()));
        warnings.add("Found orphan containers ([" + String.join(" ", names) + "]) for this project. If you removed "
                + "or renamed this service in your compose file, you can run this command with the --remove-orphans "
                + "flag to clean it up.");
    }

    private void converge(Service service, DependencyGraph graph) {
        String name = service.name();
        RecreatePolicy policy = options.services().isEmpty() || options.services().contains(name)
                ? options.recreate() : options.recreateDependencies();
        long expected = service.replicas();
        if (expected > 1 && !service.containerName().isEmpty()) {
            throw new ComposeException(Failure.GENERAL, "WARNING: The \"" + name + "\" service is using the custom "
                    + "container name \"" + service.containerName() + "\". Docker requires each container to have a "
                    + "unique name. Remove the custom name to scale the service.");
        }
        List<String> after = new ArrayList<>(preconditions);
        after.addAll(resources);
        for (String dep : graph.dependencies(name)) {
            after.addAll(serviceSteps.getOrDefault(dep, List.of()));
        }
        boolean forced = false;
        for (String dep : graph.dependencies(name)) {
            forced |= recreatedServices.contains(dep);
        }
        checkReferences(service);
        Service resolved = References.resolve(service, this::firstContainerId);
        String hash = hashes.of(resolved);
        String image = ObservedState.imageOf(project, service);
        String imageId = observed.image(image).map(i -> i.id()).orElse("");
        boolean imagePulled = steps.stream().anyMatch(s -> s.id().equals("pull:" + image));
        List<ContainerSummary> containers = new ArrayList<>(observed.serviceContainers(name));
        List<String> ids = new ArrayList<>();
        List<String> cleared = new ArrayList<>();
        for (ContainerSummary leftover : Leftovers.duplicates(containers, n -> containerName(service, n))) {
            containers.remove(leftover);
            String removal = add("container:" + leftover.name(),
                    new Action.RemoveContainer(name, leftover.id(), leftover.name(), false), after,
                    "left by an interrupted recreate");
            ids.add(removal);
            cleared.add(removal);
        }
        after.addAll(cleared);
        final boolean force = forced;
        containers.sort((a, b) -> {
            boolean oa = recreateReason(a, policy, force, hash, imageId, imagePulled).isPresent();
            boolean ob = recreateReason(b, policy, force, hash, imageId, imagePulled).isPresent();
            if (oa != ob) {
                return oa ? -1 : 1;
            }
            int na = ObservedState.number(a);
            int nb = ObservedState.number(b);
            if (na != nb) {
                return Integer.compare(na, nb);
            }
            return Long.compare(a.created(), b.created());
        });
        TreeMap<String, String> result = new TreeMap<>();
        for (int i = 0; i < containers.size(); i++) {
            ContainerSummary c = containers.get(i);
            String id = "container:" + c.name();
            if (i >= expected) {
                ids.add(add(id, new Action.RemoveContainer(name, c.id(), c.name(), false), after, "scale " + expected));
                continue;
            }
            Optional<String> reason = recreateReason(c, policy, forced, hash, imageId, imagePulled);
            if (reason.isEmpty() && policy != RecreatePolicy.NEVER
                    && Leftovers.isTemporary(c.name(), containerName(service, ObservedState.number(c)))) {
                reason = Optional.of("left under a temporary name by an interrupted recreate");
            }
            if (reason.isPresent()) {
                ids.add(add(id, new Action.RecreateContainer(name, ObservedState.number(c), c.id(), c.name()), after,
                        reason.get()));
                recreatedServices.add(name);
                result.put(c.name(), "");
                continue;
            }
            result.put(c.name(), c.id());
            switch (c.state()) {
                case "running", "created", "restarting", "exited" ->
                        ids.add(add(id, new Action.KeepContainer(name, c.id(), c.name(), c.state()), after, "up to date"));
                default -> ids.add(add(id, new Action.RestartContainer(name, c.id(), c.name()), after, c.state()));
            }
        }
        int next = 1;
        for (ContainerSummary c : containers) {
            next = Math.max(next, ObservedState.number(c) + 1);
        }
        for (long k = 0; k < expected - containers.size(); k++) {
            int number = next + (int) k;
            String containerName = containerName(service, number);
            String id = "container:" + containerName;
            ids.add(add(id, new Action.CreateContainer(name, number, containerName), after,
                    containers.isEmpty() ? "absent" : "scale " + expected));
            result.put(containerName, "");
        }
        serviceSteps.put(name, ids);
        outcome.put(name, result);
    }

    /**
     * Why a container must be replaced, if it must: asked to, a dependency was replaced, or its
     * configuration or image differs from the project's.
     */
    private static Optional<String> recreateReason(ContainerSummary c, RecreatePolicy policy, boolean dependencyRecreated,
                                                   String hash, String imageId, boolean imagePulled) {
        if (policy == RecreatePolicy.NEVER) {
            return Optional.empty();
        }
        if (policy == RecreatePolicy.FORCE) {
            return Optional.of("forced");
        }
        if (dependencyRecreated) {
            return Optional.of("dependency recreated");
        }
        if (!c.label(Labels.CONFIG_HASH).equals(hash)) {
            return Optional.of("config changed");
        }
        if (imagePulled || !c.label(Labels.IMAGE).equals(imageId)) {
            return Optional.of("image changed");
        }
        return Optional.empty();
    }

    /** The container name of replica {@code number}: its {@code container_name}, else project-service-number. */
    public String containerName(Service service, int number) {
        return containerName(project.name(), service, number, options.separator());
    }

    public static String containerName(String project, Service service, int number, String separator) {
        if (!service.containerName().isEmpty()) {
            return service.containerName();
        }
        return project + separator + service.name() + separator + number;
    }

    /**
     * The id a {@code service:x} reference resolves to when this service converges: x's first
     * container. For a dependency this plan creates or replaces the new id is not known yet; any
     * value differs from the old one, which is all the recreate decision needs.
     */
    private String firstContainerId(String service) {
        TreeMap<String, String> result = outcome.get(service);
        if (result == null) {
            // A service outside this plan (e.g. up --no-deps): its existing containers.
            List<ContainerSummary> cs = new ArrayList<>(observed.serviceContainers(service));
            cs.sort(java.util.Comparator.comparing(ContainerSummary::name));
            return cs.isEmpty() ? "" : cs.get(0).id();
        }
        if (result.isEmpty()) {
            return "";
        }
        String id = result.firstEntry().getValue();
        return id.isEmpty() ? "<new container of " + service + ">" : id;
    }

    /** Compose's failure when a service shares a namespace or volumes with a service that has no container. */
    private void checkReferences(Service service) {
        String[][] modes = {{service.networkMode(), "network namespace"}, {service.ipc(), "IPC namespace"},
            {service.pid(), "PID namespace"}};
        for (String[] m : modes) {
            String target = References.serviceOf(m[0]);
            if (target != null && firstContainerId(target).isEmpty()) {
                throw new ComposeException(Failure.GENERAL, "cannot share " + m[1] + " with service " + target
                        + ": container missing");
            }
        }
        for (String v : service.volumesFrom()) {
            String[] spec = v.split(":", -1);
            if (!spec[0].equals("container") && firstContainerId(spec[0]).isEmpty()) {
                throw new ComposeException(Failure.GENERAL, "cannot share volume with service " + spec[0]
                        + ": container missing");
            }
        }
    }
}
