package io.github.compose4j.stack;

import io.github.compose4j.engine.Engine;
import io.github.compose4j.engine.EngineException;
import io.github.compose4j.engine.NetworkSpec;
import io.github.compose4j.engine.NetworkSummary;
import io.github.compose4j.engine.swarm.ServiceMode;
import io.github.compose4j.engine.swarm.ServiceSpec;
import io.github.compose4j.engine.swarm.SwarmFile;
import io.github.compose4j.engine.swarm.SwarmFileSpec;
import io.github.compose4j.engine.swarm.SwarmService;
import io.github.compose4j.engine.swarm.SwarmTask;
import io.github.compose4j.engine.swarm.TaskContainer;
import io.github.compose4j.engine.swarm.TaskSpec;
import io.github.compose4j.error.ComposeException;
import io.github.compose4j.error.Failure;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Consumer;

/**
 * Deploys and removes stacks: observe what the swarm has for the stack, create what is missing, update what
 * changed, and (with {@code --prune}) remove services the file no longer has. Messages go to {@code out} and
 * {@code err} with {@code docker stack}'s wording.
 */
public final class StackDeployer {
    /** How often convergence is checked while waiting ({@code --detach=false}). */
    private static final long POLL_MILLIS = 500;

    private final Engine engine;
    private final Consumer<String> out;
    private final Consumer<String> err;

    public StackDeployer(Engine engine, Consumer<String> out, Consumer<String> err) {
        this.engine = engine;
        this.out = out;
        this.err = err;
    }

    /** Fails with the issue's wording unless the daemon manages a swarm. */
    public void requireManager() {
        if (!engine.isSwarmManager()) {
            throw new ComposeException(Failure.GENERAL, "this node is not a swarm manager; run `docker swarm init` "
                + "or point DOCKER_HOST at a manager");
        }
    }

    /** Deploys {@code stack}; returns the changes made to each service, in name order. */
    public List<ServiceChange> deploy(StackSpec stack, DeployOptions options) {
        requireManager();
        stack.warnings().forEach(err);
        Map<String, String> namespace = Map.of(StackLabels.NAMESPACE, stack.name());
        Map<String, SwarmService> existing = new TreeMap<>();
        engine.listServices(namespace, Set.of()).forEach(s -> existing.put(s.spec().name(), s));
        if (options.prune()) {
            Set<String> wanted = new HashSet<>();
            stack.services().forEach(s -> wanted.add(s.name()));
            for (SwarmService s : existing.values()) {
                if (!wanted.contains(s.spec().name())) {
                    out.accept("Removing service " + s.spec().name());
                    engine.removeService(s.id());
                }
            }
        }
        Map<String, String> networkIds = networks(stack);
        Map<String, String> secretIds = files(stack, SwarmFile.Kind.SECRET);
        Map<String, String> configIds = files(stack, SwarmFile.Kind.CONFIG);

        List<ServiceChange> changes = new ArrayList<>();
        for (ServiceSpec desired : stack.services()) {
            ServiceSpec resolved = resolveReferences(desired, networkIds, secretIds, configIds);
            Optional<SwarmService> current = Optional.ofNullable(existing.get(desired.name()));
            String fileImage = desired.task().container().image();
            Optional<String> auth = options.withRegistryAuth() ? engine.registryAuth(fileImage) : Optional.empty();
            Optional<String> pinned = Optional.empty();
            if (ServiceChange.resolves(options.resolveImage(), fileImage, current)) {
                pinned = engine.registryDigest(fileImage, auth).map(d -> pin(fileImage, d));
                if (pinned.isEmpty()) {
                    err.accept("image " + fileImage + " could not be accessed on a registry to record\nits digest. "
                        + "Each node will access " + fileImage + " independently,\npossibly leading to different "
                        + "nodes running different\nversions of the image.\n");
                }
            }
            ServiceChange change = ServiceChange.of(resolved, current, ServiceChange.image(fileImage, current, pinned));
            switch (change.kind()) {
                case CREATE -> {
                    out.accept("Creating service " + desired.name());
                    engine.createService(change.spec(), auth, err);
                }
                case UPDATE -> {
                    SwarmService s = current.orElseThrow();
                    out.accept("Updating service " + desired.name() + " (id: " + s.id() + ")");
                    engine.updateService(s.id(), s.version(), change.spec(), auth, err);
                }
                case UNCHANGED -> out.accept("Service " + desired.name() + " is up to date (id: "
                    + current.orElseThrow().id() + ")");
            }
            changes.add(change);
        }
        if (!options.detach()) {
            awaitConvergence(stack.name());
        }
        removeUnusedFiles(stack.name());
        return changes;
    }

    /** {@code image@digest}, keeping the tag as the engine does when it pins a service image. */
    static String pin(String image, String digest) {
        int at = image.indexOf('@');
        return (at >= 0 ? image.substring(0, at) : image) + "@" + digest;
    }

    private Map<String, String> networks(StackSpec stack) {
        Map<String, String> ids = new HashMap<>();
        for (String name : stack.externalNetworks()) {
            if (List.of("host", "bridge", "none").contains(name)) {
                continue; // present on every node as a local network: nothing to check
            }
            NetworkSummary n = engine.inspectNetwork(name).orElseThrow(() -> new ComposeException(Failure.GENERAL,
                "network \"" + name + "\" is declared as external, but could not be found. You need to create a "
                    + "swarm-scoped network before the stack is deployed"));
            if (!n.scope().equals("swarm")) {
                throw new ComposeException(Failure.GENERAL, "network \"" + name + "\" is declared as external, but it "
                    + "is not in the right scope: \"" + n.scope() + "\" instead of \"swarm\"");
            }
            ids.put(name, n.id());
        }
        Map<String, NetworkSummary> existing = new HashMap<>();
        engine.listNetworks(Map.of(StackLabels.NAMESPACE, stack.name())).forEach(n -> existing.put(n.name(), n));
        for (NetworkSpec spec : stack.networks()) {
            NetworkSummary n = existing.get(spec.name());
            if (n != null) {
                ids.put(spec.name(), n.id());
                continue;
            }
            out.accept("Creating network " + spec.name());
            ids.put(spec.name(), engine.createNetwork(spec));
        }
        return ids;
    }

    private Map<String, String> files(StackSpec stack, SwarmFile.Kind kind) {
        Map<String, String> ids = new HashMap<>();
        engine.listSwarmFiles(kind, Map.of()).forEach(f -> ids.put(f.name(), f.id()));
        String what = kind == SwarmFile.Kind.SECRET ? "secret" : "config";
        for (SwarmFileSpec spec : stack.files()) {
            if (spec.kind() != kind || ids.containsKey(spec.name())) {
                continue;
            }
            out.accept("Creating " + what + " " + spec.name());
            ids.put(spec.name(), engine.createSwarmFile(spec));
        }
        return ids;
    }

    private static ServiceSpec resolveReferences(ServiceSpec spec, Map<String, String> networkIds,
                                                 Map<String, String> secretIds, Map<String, String> configIds) {
        TaskSpec task = spec.task();
        List<TaskSpec.NetworkAttachment> networks = new ArrayList<>();
        for (TaskSpec.NetworkAttachment n : task.networks()) {
            // The swarm keeps network ids in a service spec: sending ids makes a spec read back comparable.
            networks.add(new TaskSpec.NetworkAttachment(networkIds.getOrDefault(n.target(), n.target()), n.aliases(),
                n.driverOpts()));
        }
        networks.sort(Comparator.comparing(TaskSpec.NetworkAttachment::target));
        TaskContainer c = task.container();
        c = c.withFiles(ids(c.secrets(), secretIds, "secret"), ids(c.configs(), configIds, "config"));
        return spec.withTask(task.withContainer(c).withNetworks(networks));
    }

    private static List<TaskContainer.FileRef> ids(List<TaskContainer.FileRef> refs, Map<String, String> ids,
                                                   String what) {
        List<TaskContainer.FileRef> out = new ArrayList<>();
        for (TaskContainer.FileRef r : refs) {
            String id = ids.get(r.objectName());
            if (id == null) {
                throw new ComposeException(Failure.GENERAL, what + " not found: " + r.objectName());
            }
            out.add(r.withId(id));
        }
        return out;
    }

    /** Removes the stack's secrets and configs no service refers to any more (earlier versions of changed ones). */
    private void removeUnusedFiles(String stack) {
        Set<String> used = new HashSet<>();
        for (SwarmService s : engine.listServices(Map.of(), Set.of())) {
            s.spec().task().container().secrets().forEach(r -> used.add(r.objectId()));
            s.spec().task().container().configs().forEach(r -> used.add(r.objectId()));
        }
        for (SwarmFile.Kind kind : SwarmFile.Kind.values()) {
            for (SwarmFile f : engine.listSwarmFiles(kind, Map.of(StackLabels.NAMESPACE, stack))) {
                if (used.contains(f.id())) {
                    continue;
                }
                try {
                    engine.removeSwarmFile(kind, f.id());
                } catch (EngineException e) {
                    // still in use by a task being replaced: a later deploy removes it
                }
            }
        }
    }

    /**
     * Waits until every service runs as many up-to-date tasks as it asks for (jobs: until they complete), printing
     * a line each time a service's count changes.
     */
    private void awaitConvergence(String stack) {
        Map<String, String> lastReport = new LinkedHashMap<>();
        while (true) {
            List<SwarmService> services = engine.listServices(Map.of(StackLabels.NAMESPACE, stack), Set.of());
            Map<String, List<SwarmTask>> tasks = new HashMap<>();
            engine.listTasks(services.stream().map(SwarmService::id).toList())
                .forEach(t -> tasks.computeIfAbsent(t.serviceId(), k -> new ArrayList<>()).add(t));
            boolean converged = true;
            for (SwarmService s : services) {
                List<SwarmTask> own = tasks.getOrDefault(s.id(), List.of());
                Convergence c = Convergence.of(s, own);
                boolean rolling = s.updateState().equals("updating") || s.updateState().equals("rollback_started");
                if (s.updateState().equals("paused") || s.updateState().equals("rollback_paused")) {
                    throw new ComposeException(Failure.GENERAL, "service " + s.spec().name() + ": update "
                        + s.updateState().replace('_', ' ') + " (see docker service inspect " + s.spec().name() + ")");
                }
                String report = s.spec().name() + ": " + c.describe() + (rolling ? ", rolling update" : "");
                if (!report.equals(lastReport.get(s.id()))) {
                    out.accept(report);
                    lastReport.put(s.id(), report);
                }
                converged &= c.done() && !rolling;
            }
            if (converged) {
                out.accept("Stack " + stack + " converged");
                return;
            }
            try {
                Thread.sleep(POLL_MILLIS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new ComposeException(Failure.CANCELED, "canceled");
            }
        }
    }

    /** How far a service is from its desired state, from its tasks. */
    record Convergence(long running, long desired, boolean job, String lastError) {
        static Convergence of(SwarmService s, List<SwarmTask> tasks) {
            ServiceMode.Kind kind = s.spec().mode().kind();
            boolean job = kind == ServiceMode.Kind.REPLICATED_JOB || kind == ServiceMode.Kind.GLOBAL_JOB;
            String image = s.spec().task().container().image();
            long up = 0;
            long wanted = 0;
            String error = "";
            for (SwarmTask t : tasks) {
                boolean current = t.image().equals(image);
                if (job) {
                    if (t.state().equals("complete")) {
                        up++;
                    }
                    wanted++;
                } else if (t.desiredState().equals("running")) {
                    wanted++;
                    if (t.state().equals("running") && current) {
                        up++;
                    }
                }
                if ((t.state().equals("failed") || t.state().equals("rejected")) && !t.error().isEmpty()) {
                    error = t.error();
                }
            }
            long desired = switch (kind) {
                case REPLICATED, REPLICATED_JOB -> s.spec().mode().replicas();
                case GLOBAL, GLOBAL_JOB -> Math.max(wanted, 1);
            };
            return new Convergence(up, desired, job, error);
        }

        boolean done() {
            return running >= desired && (job || running == desired);
        }

        String describe() {
            String text = running + "/" + desired + (job ? " completed" : " running");
            return lastError.isEmpty() ? text : text + " (task failed: " + lastError + ")";
        }
    }

    /** Removes a stack's services, secrets, configs and networks, as {@code docker stack rm}. */
    public void remove(String stack) {
        requireManager();
        Map<String, String> namespace = Map.of(StackLabels.NAMESPACE, stack);
        List<SwarmService> services = new ArrayList<>(engine.listServices(namespace, Set.of()));
        List<SwarmFile> secrets = new ArrayList<>(engine.listSwarmFiles(SwarmFile.Kind.SECRET, namespace));
        List<SwarmFile> configs = new ArrayList<>(engine.listSwarmFiles(SwarmFile.Kind.CONFIG, namespace));
        List<NetworkSummary> networks = new ArrayList<>(engine.listNetworks(namespace));
        if (services.isEmpty() && secrets.isEmpty() && configs.isEmpty() && networks.isEmpty()) {
            out.accept("Nothing found in stack: " + stack);
            return;
        }
        services.sort(Comparator.comparing(s -> s.spec().name()));
        for (SwarmService s : services) {
            out.accept("Removing service " + s.spec().name());
            engine.removeService(s.id());
        }
        for (SwarmFile f : sorted(secrets)) {
            out.accept("Removing secret " + f.name());
            engine.removeSwarmFile(SwarmFile.Kind.SECRET, f.id());
        }
        for (SwarmFile f : sorted(configs)) {
            out.accept("Removing config " + f.name());
            engine.removeSwarmFile(SwarmFile.Kind.CONFIG, f.id());
        }
        networks.sort(Comparator.comparing(NetworkSummary::name));
        for (NetworkSummary n : networks) {
            out.accept("Removing network " + n.name());
            removeNetworkOnceFree(n);
        }
    }

    private static List<SwarmFile> sorted(List<SwarmFile> files) {
        files.sort(Comparator.comparing(SwarmFile::name));
        return files;
    }

    /** Task containers leave a network a moment after their service is removed; the removal is retried meanwhile. */
    private void removeNetworkOnceFree(NetworkSummary n) {
        for (int attempt = 0; ; attempt++) {
            try {
                engine.removeNetwork(n.id());
                return;
            } catch (EngineException e) {
                if (e.isNotFound()) {
                    return;
                }
                if (attempt >= 60) {
                    err.accept("Failed to remove network " + n.id() + ": " + e.getMessage());
                    return;
                }
            }
            try {
                Thread.sleep(POLL_MILLIS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }
}
