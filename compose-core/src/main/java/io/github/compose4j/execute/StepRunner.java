package io.github.compose4j.execute;

import io.github.compose4j.engine.ContainerDetails;
import io.github.compose4j.engine.ContainerSummary;
import io.github.compose4j.engine.EndpointSpec;
import io.github.compose4j.engine.Engine;
import io.github.compose4j.engine.EngineException;
import io.github.compose4j.engine.ImageSummary;
import io.github.compose4j.engine.NetworkSpec;
import io.github.compose4j.engine.NetworkSummary;
import io.github.compose4j.engine.NetworkSpec;
import io.github.compose4j.error.ComposeException;
import io.github.compose4j.error.Failure;
import io.github.compose4j.event.ProgressEvent;
import io.github.compose4j.event.ProgressListener;
import io.github.compose4j.model.Dependency;
import io.github.compose4j.model.Project;
import io.github.compose4j.model.Service;
import io.github.compose4j.observe.Labels;
import io.github.compose4j.observe.ObservedState;
import io.github.compose4j.plan.Action;
import io.github.compose4j.plan.References;
import io.github.compose4j.plan.Step;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.TreeMap;

/** Carries out one step of a plan against the engine, reporting progress as Docker Compose does. */
final class StepRunner {
    private static final long POLL_MILLIS = 500;

    private final Engine engine;
    private final ProgressListener listener;
    private final Runtime runtime;
    private final ExecutionOptions options;
    private final Project project;
    private List<ContainerSummary> startListing;

    StepRunner(Engine engine, ProgressListener listener, Runtime runtime, ExecutionOptions options) {
        this.engine = engine;
        this.listener = listener;
        this.runtime = runtime;
        this.options = options;
        this.project = runtime.project();
    }

    void run(Step step) {
        Action a = step.action();
        if (a instanceof Action.PullImage p) {
            pull(p);
        } else if (a instanceof Action.CheckExternalNetwork n) {
            checkExternalNetwork(n);
        } else if (a instanceof Action.CreateNetwork n) {
            createNetwork(n);
        } else if (a instanceof Action.CheckExternalVolume v) {
            if (engine.inspectVolume(v.name()).isEmpty()) {
                throw new ComposeException(Failure.GENERAL, "external volume \"" + v.name() + "\" not found");
            }
        } else if (a instanceof Action.CreateVolume v) {
            createVolume(v);
        } else if (a instanceof Action.CreateContainer c) {
            createContainer(c);
        } else if (a instanceof Action.RecreateContainer r) {
            recreateContainer(r);
        } else if (a instanceof Action.KeepContainer k) {
            keep(k);
        } else if (a instanceof Action.RestartContainer r) {
            String event = "Container " + r.name();
            listener.event(ProgressEvent.working(event, "Restart"));
            engine.startContainer(r.id());
            listener.event(ProgressEvent.done(event, "Restarted"));
        } else if (a instanceof Action.RemoveContainer r) {
            stopAndRemove(r.name(), r.id(), r.removeVolumes());
            runtime.remove(r.service(), r.name());
        } else if (a instanceof Action.StopContainer s) {
            stop(s.name(), s.id());
        } else if (a instanceof Action.StartService s) {
            startService(s.service());
        } else if (a instanceof Action.WaitForServices w) {
            waitForServices(w);
        } else if (a instanceof Action.RemoveNetwork n) {
            removeNetwork(n);
        } else if (a instanceof Action.RemoveVolume v) {
            removeVolume(v.name());
        } else if (a instanceof Action.RemoveImage i) {
            removeImage(i.image());
        } else if (!new LifecycleSteps(engine, listener, options).run(a)) {
            throw new IllegalStateException("unknown action " + a);
        }
    }

    /**
     * Pulls an image as Compose does for each service that needs it: "Pulling", the layers nested under
     * the first service, then "Pulled" (or "Error" with the engine's message).
     */
    private void pull(Action.PullImage p) {
        List<String> ids = p.services();
        ids.forEach(id -> listener.event(new ProgressEvent(id, ProgressEvent.Status.WORKING, "", "Pulling")));
        String parent = ids.get(0);
        try {
            engine.pullImage(p.image(), p.platform().isEmpty() ? Optional.empty() : Optional.of(p.platform()),
                    m -> PullEvents.of(parent, m).ifPresent(listener::event));
        } catch (EngineException e) {
            // Compose shows the daemon's own words, without the client's "Error response from daemon: ".
            String cause = e.getMessage().replaceFirst("^Error response from daemon: ", "");
            if (ids.stream().anyMatch(id -> project.services().containsKey(id) && project.services().get(id).build().isPresent())) {
                // Compose goes on when the image can be built instead: the build comes after the pulls.
                ids.forEach(id -> listener.event(new ProgressEvent(id, ProgressEvent.Status.WARNING, cause, "Warning")));
                return;
            }
            ids.forEach(id -> listener.event(new ProgressEvent(id, ProgressEvent.Status.ERROR, cause, "Error")));
            throw new ComposeException(Failure.PULL, e.getMessage(), e);
        }
        ids.forEach(id -> listener.event(new ProgressEvent(id, ProgressEvent.Status.DONE, "", "Pulled")));
    }

    private void checkExternalNetwork(Action.CheckExternalNetwork n) {
        Optional<NetworkSummary> found = engine.inspectNetwork(n.name());
        if (found.isEmpty()) {
            throw new ComposeException(Failure.GENERAL, missingExternalNetwork(n.name()));
        }
        // Compose then refers to an external network by its id.
        runtime.networkId(n.key(), found.get().id());
    }

    /**
     * Compose's words for a missing external network. It lists networks by a name filter (which also
     * matches longer names) and, when that lists none, inspects the name and reports the daemon's
     * not-found answer; only when similar networks exist but none is this one does it say "declared
     * as external".
     */
    private String missingExternalNetwork(String name) {
        boolean similar = engine.listNetworks(Map.of()).stream()
                .anyMatch(other -> other.name().contains(name) || other.id().startsWith(name));
        return similar ? "network " + name + " declared as external, but could not be found"
                : "Error response from daemon: network " + name + " not found";
    }

    private void createNetwork(Action.CreateNetwork n) {
        String event = "Network " + n.name();
        NetworkSpec spec = NetworkSpecs.of(project, n.key(), Labels.COMPOSE_VERSION);
        listener.event(ProgressEvent.working(event, "Creating"));
        try {
            engine.createNetwork(spec);
        } catch (EngineException e) {
            if (e.isConflict() && sameNetworkExists(n)) {
                // Created meanwhile by a concurrent run of the same project: use it.
                listener.event(ProgressEvent.done(event, "Created"));
                return;
            }
            listener.event(ProgressEvent.error(event, "Error"));
            throw new ComposeException(Failure.GENERAL, "failed to create network " + n.name() + ": " + e.getMessage(), e);
        }
        listener.event(ProgressEvent.done(event, "Created"));
    }

    private boolean sameNetworkExists(Action.CreateNetwork n) {
        return engine.inspectNetwork(n.name())
                .map(found -> project.name().equals(found.labels().get(Labels.PROJECT))
                        && n.key().equals(found.labels().get(Labels.NETWORK)))
                .orElse(false);
    }

    private void createVolume(Action.CreateVolume v) {
        String event = "Volume \"" + v.name() + "\"";
        listener.event(ProgressEvent.working(event, "Creating"));
        try {
            engine.createVolume(VolumeSpecs.of(project, v.key(), Labels.COMPOSE_VERSION));
        } catch (EngineException e) {
            listener.event(ProgressEvent.error(event, "Error"));
            throw new ComposeException(Failure.GENERAL, e.getMessage(), e);
        }
        listener.event(ProgressEvent.done(event, "Created"));
    }

    private void createContainer(Action.CreateContainer c) {
        String event = "Container " + c.name();
        listener.event(ProgressEvent.working(event, "Creating"));
        String id = create(c.service(), c.number(), c.name(), Optional.empty(), Optional.empty());
        runtime.put(c.service(), c.name(), id);
        listener.event(ProgressEvent.done(event, "Created"));
    }

    private void recreateContainer(Action.RecreateContainer r) {
        String event = "Container " + r.name();
        listener.event(ProgressEvent.working(event, "Recreate"));
        Optional<ContainerDetails> old = engine.inspectContainer(r.id());
        Service service = project.services().get(r.service());
        String name = io.github.compose4j.plan.Planner.containerName(project.name(), service, r.number(), options.separator());
        String tmpName = ContainerNames.temporary(r.id(), name);
        String id = create(r.service(), r.number(), tmpName, Optional.of(r.id()), old);
        engine.stopContainer(r.id(), stopTimeout(service));
        engine.removeContainer(r.id(), false, false);
        engine.renameContainer(id, name);
        runtime.remove(r.service(), r.name());
        runtime.put(r.service(), name, id);
        listener.event(ProgressEvent.done(event, "Recreated"));
    }

    /** Creates a container the way Compose's create does; returns its id. */
    private String create(String serviceName, int number, String name, Optional<String> replacedId,
                          Optional<ContainerDetails> replaced) {
        Service service = project.services().get(serviceName);
        ResolvedReferences refs = runtime.references();
        Service resolved = References.resolve(service, target -> {
            List<ResolvedReferences.ContainerRef> cs = refs.containers().getOrDefault(target, List.of());
            return cs.isEmpty() ? "" : cs.get(0).id();
        });
        String image = ObservedState.imageOf(project, service);
        // The image observed before planning when there is one: Compose inspects it again for each container.
        Optional<ImageSummary> img = runtime.observedImage(image).or(() -> engine.inspectImage(image));
        Map<String, String> serviceLabels = ComposeLabels.service(project, serviceName, Labels.COMPOSE_VERSION,
                options.envFiles(), false);
        Map<String, String> labels = ComposeLabels.container(service, serviceLabels, img.map(ImageSummary::id),
                replacedId, runtime.hashes().of(resolved), number);
        ContainerRequest request = ContainerRequest.forUp(project, service, number, name, labels, refs,
                engine.apiVersion());
        if (replaced.isPresent()) {
            request = request.inheriting(replaced.get().mounts(), img.map(ImageSummary::volumes).orElse(java.util.Set.of()));
        }
        if (options.home().isPresent()) {
            request = request.withHome(options.home().get());
        }
        ContainerCreation creation = ContainerSpecs.build(request);
        creation.warnings().forEach(w -> listener.event(new ProgressEvent(serviceName, ProgressEvent.Status.WARNING, w, "")));
        String id;
        try {
            id = engine.createContainer(creation.spec());
        } catch (EngineException e) {
            listener.event(ProgressEvent.error("Container " + name, "Error"));
            throw new ComposeException(Failure.GENERAL, e.getMessage(), e);
        }
        for (ContainerCreation.NetworkAttachment n : creation.connectAfterCreate()) {
            engine.connectNetwork(n.network(), id, n.endpoint());
        }
        for (FileCopy f : InjectedFiles.of(project, service, java.time.Instant.now())) {
            engine.copyToContainer(id, f.directory(), f.tar(), f.copyUidGid());
        }
        return id;
    }

    private void keep(Action.KeepContainer k) {
        String event = "Container " + k.name();
        switch (k.state()) {
            case "running" -> listener.event(ProgressEvent.done(event, "Running"));
            case "exited" -> listener.event(ProgressEvent.done(event, "Created"));
            default -> {
            }
        }
    }

    private OptionalInt stopTimeout(Service service) {
        if (options.stopTimeoutSeconds().isPresent()) {
            return options.stopTimeoutSeconds();
        }
        return OptionalInt.empty();
    }

    private void stop(String name, String id) {
        String event = "Container " + name;
        listener.event(ProgressEvent.working(event, "Stopping"));
        try {
            engine.stopContainer(id, options.stopTimeoutSeconds());
        } catch (EngineException e) {
            if (!e.isNotFound()) {
                listener.event(ProgressEvent.error(event, "Error while Stopping"));
                throw new ComposeException(Failure.GENERAL, e.getMessage(), e);
            }
        }
        listener.event(ProgressEvent.done(event, "Stopped"));
    }

    private void stopAndRemove(String name, String id, boolean volumes) {
        stop(name, id);
        String event = "Container " + name;
        listener.event(ProgressEvent.working(event, "Removing"));
        try {
            engine.removeContainer(id, true, volumes);
        } catch (EngineException e) {
            if (!e.isNotFound() && !e.isConflict()) {
                listener.event(ProgressEvent.error(event, "Error while Removing"));
                throw new ComposeException(Failure.GENERAL, e.getMessage(), e);
            }
        }
        listener.event(ProgressEvent.done(event, "Removed"));
    }

    private void startService(String name) {
        Service service = project.services().get(name);
        if (service.deploy().flatMap(d -> d.replicas()).orElse(-1L) == 0) {
            return;
        }
        waitDependencies(name, service.dependsOn());
        List<ContainerSummary> containers = startContainers(name);
        if (containers.isEmpty()) {
            if (service.replicas() == 0) {
                return;
            }
            throw new ComposeException(Failure.GENERAL, "service \"" + name + "\" has no container to start");
        }
        for (ContainerSummary c : containers) {
            if (c.isRunning()) {
                continue;
            }
            String event = "Container " + c.name();
            listener.event(ProgressEvent.working(event, "Starting"));
            engine.startContainer(c.id());
            boolean working = options.waitForStarted() || dependencyWaiting(name);
            listener.event(new ProgressEvent(event, working ? ProgressEvent.Status.WORKING : ProgressEvent.Status.DONE,
                    "Started", ""));
        }
    }

    /**
     * A service's containers as the start steps see them. Like Compose, the project's containers are listed
     * once, by the first start step (every creation is done by then), and the list serves every start and wait.
     */
    private List<ContainerSummary> startContainers(String service) {
        List<ContainerSummary> all;
        synchronized (this) {
            if (startListing == null) {
                startListing = runtime.currentContainers().orElseGet(() ->
                        engine.listContainers(Map.of(Labels.PROJECT, project.name(), Labels.ONEOFF, "False"), true));
            }
            all = startListing;
        }
        List<ContainerSummary> out = new ArrayList<>();
        for (ContainerSummary c : all) {
            if (service.equals(c.label(Labels.SERVICE))) {
                out.add(c);
            }
        }
        return out;
    }

    private boolean dependencyWaiting(String name) {
        for (Service s : project.services().values()) {
            Dependency d = s.dependsOn().get(name);
            if (d != null && d.condition().equals(Dependency.HEALTHY)) {
                return true;
            }
        }
        return false;
    }

    /** Compose's condition for {@code --wait}: running or healthy, or completed for one-shot dependencies. */
    private static final String RUNNING_OR_HEALTHY = "running_or_healthy";

    private void waitForServices(Action.WaitForServices w) {
        Map<String, Dependency> all = new TreeMap<>();
        for (String s : w.services()) {
            all.put(s, new Dependency(conditionFor(s), false, io.github.compose4j.model.Extensions.NONE, true));
        }
        long deadline = w.timeoutMillis() > 0 ? System.currentTimeMillis() + w.timeoutMillis() : Long.MAX_VALUE;
        try {
            waitDependencies(project.name(), all, deadline);
        } catch (WaitTimeout e) {
            throw new ComposeException(Failure.GENERAL, "application not healthy after "
                    + new io.github.compose4j.model.Duration(w.timeoutMillis() * 1_000_000L));
        }
    }

    private String conditionFor(String service) {
        for (Service s : project.services().values()) {
            Dependency d = s.dependsOn().get(service);
            if (d != null && d.condition().equals(Dependency.COMPLETED_SUCCESSFULLY)) {
                return Dependency.COMPLETED_SUCCESSFULLY;
            }
        }
        return RUNNING_OR_HEALTHY;
    }

    private static final class WaitTimeout extends RuntimeException {
        private static final long serialVersionUID = 1L;
    }

    private void waitDependencies(String dependant, Map<String, Dependency> dependencies) {
        waitDependencies(dependant, dependencies, Long.MAX_VALUE);
    }

    /** Waits, in parallel, for each dependency's condition, as Compose's waitDependencies. */
    private void waitDependencies(String dependant, Map<String, Dependency> dependencies, long deadline) {
        Map<String, List<String>> waitingFor = new HashMap<>();
        for (Map.Entry<String, Dependency> e : new TreeMap<>(dependencies).entrySet()) {
            String dep = e.getKey();
            Dependency config = e.getValue();
            if (!shouldWait(dep, config)) {
                continue;
            }
            List<ContainerSummary> containers = startContainers(dep);
            for (ContainerSummary c : containers) {
                listener.event(ProgressEvent.working("Container " + c.name(), "Waiting"));
            }
            if (containers.isEmpty()) {
                if (config.required()) {
                    throw new ComposeException(Failure.GENERAL, dependant + " is missing dependency " + dep);
                }
                listener.warning(dependant + " is missing dependency " + dep);
                continue;
            }
            List<String> ids = new ArrayList<>();
            containers.forEach(c -> ids.add(c.id()));
            waitingFor.put(dep, ids);
        }
        if (waitingFor.isEmpty()) {
            return;
        }
        List<Thread> threads = new ArrayList<>();
        List<RuntimeException> errors = java.util.Collections.synchronizedList(new ArrayList<>());
        for (Map.Entry<String, List<String>> e : waitingFor.entrySet()) {
            String dep = e.getKey();
            Dependency config = dependencies.get(dep);
            Thread t = new Thread(() -> {
                try {
                    waitOne(dep, config, e.getValue(), deadline);
                } catch (RuntimeException ex) {
                    errors.add(ex);
                }
            }, "compose-wait-" + dep);
            t.setDaemon(true);
            threads.add(t);
            t.start();
        }
        for (Thread t : threads) {
            try {
                t.join();
            } catch (InterruptedException ex) {
                Thread.currentThread().interrupt();
                throw new ComposeException(Failure.CANCELED, "canceled");
            }
        }
        if (!errors.isEmpty()) {
            throw errors.get(0);
        }
    }

    private boolean shouldWait(String dep, Dependency config) {
        if (config.condition().equals(Dependency.STARTED)) {
            return false;
        }
        Service s = project.services().get(dep);
        if (s == null) {
            return false;
        }
        return s.replicas() != 0;
    }

    private void waitOne(String dep, Dependency config, List<String> ids, long deadline) {
        while (true) {
            if (System.currentTimeMillis() >= deadline) {
                throw new WaitTimeout();
            }
            try {
                Thread.sleep(POLL_MILLIS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            List<ContainerDetails> containers = new ArrayList<>();
            for (String id : ids) {
                engine.inspectContainer(id).ifPresent(containers::add);
            }
            switch (config.condition()) {
                case RUNNING_OR_HEALTHY, Dependency.HEALTHY -> {
                    boolean fallbackRunning = config.condition().equals(RUNNING_OR_HEALTHY);
                    Optional<String> problem;
                    boolean healthy;
                    try {
                        healthy = isHealthy(containers, fallbackRunning);
                        problem = Optional.empty();
                    } catch (ComposeException e) {
                        healthy = false;
                        problem = Optional.of(e.getMessage());
                    }
                    if (problem.isPresent()) {
                        if (!config.required()) {
                            String reason = fallbackRunning
                                    ? "optional dependency \"" + dep + "\" is not running or is unhealthy"
                                    : "optional dependency \"" + dep + "\" failed to start";
                            containers.forEach(c -> listener.event(ProgressEvent.warning("Container " + c.name(),
                                    "Skipped: " + reason)));
                            listener.warning(reason + ": " + problem.get());
                            return;
                        }
                        if (fallbackRunning) {
                            throw new ComposeException(Failure.GENERAL, problem.get());
                        }
                        containers.forEach(c -> listener.event(ProgressEvent.error("Container " + c.name(), "Error")));
                        throw new ComposeException(Failure.GENERAL, "dependency failed to start: " + problem.get());
                    }
                    if (healthy) {
                        containers.forEach(c -> listener.event(ProgressEvent.done("Container " + c.name(), "Healthy")));
                        return;
                    }
                }
                case Dependency.COMPLETED_SUCCESSFULLY -> {
                    for (ContainerDetails c : containers) {
                        if (c.status().equals("exited")) {
                            if (c.exitCode() == 0) {
                                containers.forEach(x -> listener.event(ProgressEvent.done("Container " + x.name(), "Exited")));
                                return;
                            }
                            String suffix = "\"" + dep + "\" didn't complete successfully: exit " + c.exitCode();
                            if (!config.required()) {
                                containers.forEach(x -> listener.event(ProgressEvent.warning("Container " + x.name(),
                                        "Skipped: optional dependency " + suffix)));
                                listener.warning("optional dependency " + suffix);
                                return;
                            }
                            String msg = "service " + suffix;
                            containers.forEach(x -> listener.event(ProgressEvent.error("Container " + x.name(), msg)));
                            throw new ComposeException(Failure.GENERAL, msg);
                        }
                    }
                }
                default -> {
                    listener.warning("unsupported depends_on condition: " + config.condition());
                    return;
                }
            }
        }
    }

    /** Compose's isServiceHealthy: every container healthy (or running, if it has no check and that is enough). */
    private static boolean isHealthy(List<ContainerDetails> containers, boolean fallbackRunning) {
        for (ContainerDetails c : containers) {
            if (c.status().equals("exited")) {
                throw new ComposeException(Failure.GENERAL, "container " + c.name() + " exited (" + c.exitCode() + ")");
            }
            if (!c.hasHealthcheck() && fallbackRunning) {
                return c.status().equals("running");
            }
            if (c.health().isEmpty()) {
                throw new ComposeException(Failure.GENERAL, "container " + c.name() + " has no healthcheck configured");
            }
            switch (c.health().get()) {
                case "healthy" -> {
                }
                case "unhealthy" -> throw new ComposeException(Failure.GENERAL, "container " + c.name() + " is unhealthy");
                case "starting" -> {
                    return false;
                }
                default -> throw new ComposeException(Failure.GENERAL, "container " + c.name()
                        + " had unexpected health status \"" + c.health().get() + "\"");
            }
        }
        return true;
    }

    private void removeNetwork(Action.RemoveNetwork n) {
        String event = "Network " + n.name();
        List<NetworkSummary> networks = engine.listNetworks(Map.of(Labels.PROJECT, project.name(), Labels.NETWORK, n.key()));
        if (networks.isEmpty()) {
            return;
        }
        listener.event(ProgressEvent.working(event, "Removing"));
        int found = 0;
        for (NetworkSummary net : networks) {
            if (!net.name().equals(n.name())) {
                continue;
            }
            Optional<NetworkSummary> inspected = engine.inspectNetwork(net.id());
            if (inspected.isEmpty()) {
                listener.event(ProgressEvent.warning(event, "No resource found to remove"));
                return;
            }
            if (!inspected.get().containers().isEmpty()) {
                listener.event(ProgressEvent.warning(event, "Resource is still in use"));
                found++;
                continue;
            }
            try {
                engine.removeNetwork(net.id());
            } catch (EngineException e) {
                if (e.isNotFound()) {
                    continue;
                }
                listener.event(ProgressEvent.error(event, "Error"));
                throw new ComposeException(Failure.GENERAL, "failed to remove network " + n.name() + ": " + e.getMessage(), e);
            }
            listener.event(ProgressEvent.done(event, "Removed"));
            found++;
        }
        if (found == 0) {
            listener.event(ProgressEvent.warning(event, "No resource found to remove"));
        }
    }

    private void removeVolume(String name) {
        String event = "Volume " + name;
        listener.event(ProgressEvent.working(event, "Removing"));
        try {
            engine.removeVolume(name, true);
        } catch (EngineException e) {
            if (e.isConflict()) {
                listener.event(ProgressEvent.warning(event, "Resource is still in use"));
                return;
            }
            if (e.isNotFound()) {
                listener.event(ProgressEvent.done(event, "Warning: No resource found to remove"));
                return;
            }
            throw new ComposeException(Failure.GENERAL, e.getMessage(), e);
        }
        listener.event(ProgressEvent.done(event, "Removed"));
    }

    private void removeImage(String image) {
        String event = "Image " + image;
        listener.event(ProgressEvent.working(event, "Removing"));
        try {
            engine.removeImage(image, false);
        } catch (EngineException e) {
            if (e.isConflict()) {
                listener.event(ProgressEvent.warning(event, "Resource is still in use"));
                return;
            }
            if (e.isNotFound()) {
                listener.event(ProgressEvent.done(event, "Warning: No resource found to remove"));
                return;
            }
            throw new ComposeException(Failure.GENERAL, e.getMessage(), e);
        }
        listener.event(ProgressEvent.done(event, "Removed"));
    }

    // Exec, run and copy

    /** Waits for a one-off's dependency conditions, as Compose does before creating it. */
    void waitOneOffDependencies(String service, Map<String, Dependency> dependencies) {
        waitDependencies(service, dependencies);
    }
}
