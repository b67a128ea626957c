package io.github.compose4j.plan;

import io.github.compose4j.engine.ContainerSummary;
import io.github.compose4j.error.ComposeException;
import io.github.compose4j.error.Failure;
import io.github.compose4j.graph.DependencyGraph;
import io.github.compose4j.model.Dependency;
import io.github.compose4j.model.Project;
import io.github.compose4j.model.Service;
import io.github.compose4j.model.codec.RecordShape;
import io.github.compose4j.observe.Labels;
import io.github.compose4j.observe.ObservedState;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * Plans of the commands that act on existing containers ({@code start}, {@code stop}, {@code restart},
 * {@code kill}, {@code pause}, {@code unpause}, {@code rm}), as Docker Compose 2.26 orders them. Pure: the
 * project (read from files, or rebuilt from labels) and what the engine has in, a plan out. The
 * project is expected to be already restricted to what the command acts on, as the CLI loads it.
 */
public final class LifecyclePlanner {
    private LifecyclePlanner() {
    }

    /**
     * {@code start}: each service of the project after the services it depends on; each start waits for
     * its dependencies' conditions and starts the service's containers that are not running.
     */
    public static Plan start(Project project) {
        DependencyGraph graph = DependencyGraph.of(project.services());
        List<Step> steps = new ArrayList<>();
        for (String name : graph.startOrder()) {
            List<String> after = new ArrayList<>();
            graph.dependencies(name).forEach(d -> after.add("start:" + d));
            steps.add(new Step("start:" + name, new Action.StartService(name), after, ""));
        }
        return new Plan(steps, List.of());
    }

    /**
     * {@code stop}: the containers of {@code services} (all the project's when empty), each service once the
     * services depending on it are stopped. Containers already stopped are stopped again (a no-op the
     * engine accepts), as Compose reports them too.
     */
    public static Plan stop(Project project, ObservedState observed, Collection<String> services) {
        DependencyGraph graph = DependencyGraph.of(project.services());
        Set<String> selected = services.isEmpty() ? project.services().keySet() : Set.copyOf(services);
        Map<String, List<String>> byService = new HashMap<>();
        List<Step> steps = new ArrayList<>();
        for (String name : graph.stopOrder()) {
            List<String> ids = new ArrayList<>();
            if (selected.contains(name)) {
                List<String> after = collect(transitive(name, graph::dependents), byService);
                for (ContainerSummary c : observed.serviceContainers(name)) {
                    String id = "stop:" + c.name();
                    steps.add(new Step(id, new Action.StopContainer(name, c.id(), c.name()), after, ""));
                    ids.add(id);
                }
            }
            byService.put(name, ids);
        }
        return new Plan(steps, List.of());
    }

    /**
     * {@code restart}: the containers of {@code services} and of the services that depend on them with
     * {@code restart: true} (all the project's when none is named), each service after its dependencies.
     * With {@code noDeps} the named services only.
     */
    public static Plan restart(Project project, ObservedState observed, List<String> services, boolean noDeps) {
        for (String s : services) {
            if (!project.services().containsKey(s)) {
                throw new ComposeException(Failure.GENERAL, "no such service: " + s);
            }
        }
        Set<String> names = new LinkedHashSet<>(project.services().keySet());
        if (noDeps && !services.isEmpty()) {
            names.retainAll(services);
        }
        // Only the dependencies that ask for it make a dependent restart with its dependency.
        Map<String, Service> kept = new LinkedHashMap<>();
        for (String n : names) {
            Service s = project.services().get(n);
            Map<String, Dependency> deps = new LinkedHashMap<>();
            s.dependsOn().forEach((d, dep) -> {
                if (dep.restart() && names.contains(d)) {
                    deps.put(d, dep);
                }
            });
            kept.put(n, RecordShape.with(s, "dependsOn", deps));
        }
        DependencyGraph full = DependencyGraph.of(kept);
        Set<String> selected = new LinkedHashSet<>();
        if (services.isEmpty()) {
            selected.addAll(kept.keySet());
        } else {
            for (String s : services) {
                selected.add(s);
                selected.addAll(transitive(s, full::dependents));
            }
        }
        kept.keySet().retainAll(selected);
        DependencyGraph graph = DependencyGraph.of(kept);
        Map<String, List<String>> byService = new HashMap<>();
        List<Step> steps = new ArrayList<>();
        for (String name : graph.startOrder()) {
            List<String> after = collect(transitive(name, graph::dependencies), byService);
            List<String> ids = new ArrayList<>();
            for (ContainerSummary c : observed.serviceContainers(name)) {
                String id = "restart:" + c.name();
                steps.add(new Step(id, new Action.RestartExistingContainer(name, c.id(), c.name()), after, ""));
                ids.add(id);
            }
            byService.put(name, ids);
        }
        return new Plan(steps, List.of());
    }

    /**
     * {@code kill}: the running containers (one-offs included) of {@code services} (all when empty); those of
     * services the project does not have only with {@code removeOrphans}.
     */
    public static Plan kill(Project project, ObservedState observed, Collection<String> services, String signal,
                            boolean removeOrphans) {
        List<Step> steps = new ArrayList<>();
        for (ContainerSummary c : observed.containers()) {
            String service = c.label(Labels.SERVICE);
            if (!isUp(c) || !named(services, service) || (!removeOrphans && !project.services().containsKey(service))) {
                continue;
            }
            steps.add(new Step("kill:" + c.name(), new Action.KillContainer(service, c.id(), c.name(), signal), List.of(),
                    ""));
        }
        return new Plan(steps, List.of());
    }

    /** {@code pause}: the running service containers of {@code services} (all when empty). */
    public static Plan pause(Project project, ObservedState observed, Collection<String> services) {
        return eachRunning(project, observed, services, "pause:",
                c -> new Action.PauseContainer(c.label(Labels.SERVICE), c.id(), c.name()));
    }

    /** {@code unpause}: the running (paused included) service containers of {@code services} (all when empty). */
    public static Plan unpause(Project project, ObservedState observed, Collection<String> services) {
        return eachRunning(project, observed, services, "unpause:",
                c -> new Action.UnpauseContainer(c.label(Labels.SERVICE), c.id(), c.name()));
    }

    /**
     * {@code rm}: the service containers of {@code services} (all when empty) that do not run, in the order the
     * engine lists them (newest first), which is the order Compose names them in its confirmation.
     */
    public static Plan remove(Project project, ObservedState observed, Collection<String> services, boolean force,
                              boolean volumes) {
        List<Step> steps = new ArrayList<>();
        for (ContainerSummary c : observed.containers()) {
            String service = c.label(Labels.SERVICE);
            if (ObservedState.isOneOff(c) || isUp(c) || !named(services, service)
                    || !project.services().containsKey(service)) {
                continue;
            }
            steps.add(new Step("rm:" + c.name(), new Action.RemoveStoppedContainer(service, c.id(), c.name(), force,
                    volumes), List.of(), ""));
        }
        return new Plan(steps, List.of());
    }

    /** The names of the containers a plan acts on, in plan order (for {@code rm}'s confirmation). */
    public static List<String> containerNames(Plan plan) {
        List<String> out = new ArrayList<>();
        for (Step s : plan.steps()) {
            if (s.action() instanceof Action.RemoveStoppedContainer r) {
                out.add(r.name());
            }
        }
        return out;
    }

    private static Plan eachRunning(Project project, ObservedState observed, Collection<String> services, String prefix,
                                    Function<ContainerSummary, Action> action) {
        List<Step> steps = new ArrayList<>();
        for (ContainerSummary c : observed.containers()) {
            String service = c.label(Labels.SERVICE);
            if (ObservedState.isOneOff(c) || !isUp(c) || !named(services, service)
                    || !project.services().containsKey(service)) {
                continue;
            }
            steps.add(new Step(prefix + c.name(), action.apply(c), List.of(), ""));
        }
        return new Plan(steps, List.of());
    }

    /** Listed by the engine without {@code all}: running, paused or restarting. */
    private static boolean isUp(ContainerSummary c) {
        return switch (c.state()) {
            case "running", "paused", "restarting" -> true;
            default -> false;
        };
    }

    private static boolean named(Collection<String> services, String service) {
        return services.isEmpty() || services.contains(service);
    }

    private static Set<String> transitive(String start, Function<String, List<String>> next) {
        Set<String> seen = new LinkedHashSet<>();
        Deque<String> todo = new ArrayDeque<>(next.apply(start));
        while (!todo.isEmpty()) {
            String s = todo.poll();
            if (seen.add(s)) {
                todo.addAll(next.apply(s));
            }
        }
        return seen;
    }

    private static List<String> collect(Set<String> services, Map<String, List<String>> byService) {
        List<String> out = new ArrayList<>();
        for (String s : services) {
            out.addAll(byService.getOrDefault(s, List.of()));
        }
        return out;
    }
}
