package io.github.compose4j.plan;

import io.github.compose4j.engine.ContainerSummary;

import io.github.compose4j.engine.VolumeSummary;
import io.github.compose4j.graph.DependencyGraph;
import io.github.compose4j.model.Network;
import io.github.compose4j.model.Project;
import io.github.compose4j.model.Volume;
import io.github.compose4j.observe.Labels;
import io.github.compose4j.observe.ObservedState;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Decides what {@code down} removes: the project's containers in reverse dependency order (dependents
 * first), orphans when asked, then its networks, and its volumes with {@code -v}. Only objects
 * carrying this project's label are touched: a volume of another project, or one Compose did not
 * create, is kept with a warning even with {@code -v} (stricter than Docker Compose).
 */
public final class DownPlanner {
    private DownPlanner() {
    }

    public static Plan down(Project project, ObservedState observed, DownOptions options) {
        List<Step> steps = new ArrayList<>();
        List<String> warnings = new ArrayList<>();
        DependencyGraph graph = DependencyGraph.of(project.services());
        Set<String> selected = selection(project, graph, options.services());
        List<String> removed = new ArrayList<>();
        java.util.Map<String, List<String>> serviceSteps = new java.util.HashMap<>();
        for (String service : graph.stopOrder()) {
            if (!selected.contains(service)) {
                continue;
            }
            List<String> after = new ArrayList<>();
            for (String dependent : graph.dependents(service)) {
                after.addAll(serviceSteps.getOrDefault(dependent, List.of()));
            }
            List<String> ids = new ArrayList<>();
            for (ContainerSummary c : observed.serviceContainers(service)) {
                String id = "container:" + c.name();
                steps.add(new Step(id, new Action.RemoveContainer(service, c.id(), c.name(), options.volumes()), after, ""));
                ids.add(id);
            }
            serviceSteps.put(service, ids);
            removed.addAll(ids);
        }
        if (options.removeOrphans()) {
            Set<String> known = new HashSet<>(project.services().keySet());
            known.addAll(project.disabledServices().keySet());
            List<ContainerSummary> orphans = new ArrayList<>();
            for (ContainerSummary c : observed.containers()) {
                boolean oneOffOfKnown = ObservedState.isOneOff(c) && known.contains(c.label(Labels.SERVICE));
                if (!known.contains(c.label(Labels.SERVICE)) || oneOffOfKnown) {
                    orphans.add(c);
                }
            }
            orphans.sort(Comparator.comparing(ContainerSummary::name));
            for (ContainerSummary c : orphans) {
                if (!options.removeForeignOrphans() && io.github.compose4j.observe.Checkouts.fromOtherFolder(c, project)) {
                    warnings.add(io.github.compose4j.observe.Checkouts.keptWarning(c));
                    continue;
                }
                String id = "orphan:" + c.name();
                steps.add(new Step(id, new Action.RemoveContainer(c.label(Labels.SERVICE), c.id(), c.name(), false),
                        removed, "orphan"));
            }
        }
        List<String> containersGone = new ArrayList<>();
        steps.forEach(s -> containersGone.add(s.id()));
        for (Map.Entry<String, Network> e : new TreeMap<>(project.networks()).entrySet()) {
            Network n = e.getValue();
            if (n.external()) {
                continue;
            }
            boolean exists = observed.projectNetworks().stream()
                    .anyMatch(net -> net.name().equals(n.name()) && e.getKey().equals(net.labels().get(Labels.NETWORK)));
            if (exists) {
                steps.add(new Step("network:" + e.getKey(), new Action.RemoveNetwork(e.getKey(), n.name()),
                        containersGone, ""));
            }
        }
        if (options.volumes()) {
            for (Map.Entry<String, Volume> e : new TreeMap<>(project.volumes()).entrySet()) {
                Volume v = e.getValue();
                if (v.external()) {
                    continue;
                }
                VolumeSummary found = null;
                for (VolumeSummary vs : observed.projectVolumes()) {
                    if (vs.name().equals(v.name())) {
                        found = vs;
                    }
                }
                if (found == null) {
                    observed.volume(v.name()).ifPresent(other -> warnings.add(foreignVolume(project, other)));
                    continue;
                }
                steps.add(new Step("volume:" + e.getKey(), new Action.RemoveVolume(v.name()), containersGone, "-v"));
            }
        }
        return new Plan(steps, warnings);
    }

    private static String foreignVolume(Project project, VolumeSummary v) {
        String owner = v.labels().get(Labels.PROJECT);
        if (owner == null) {
            return "volume \"" + v.name() + "\" was not created by Docker Compose: kept";
        }
        return "volume \"" + v.name() + "\" belongs to project \"" + owner + "\", not \"" + project.name() + "\": kept";
    }

    /** The named services and those depending on them, transitively; all services when none is named. */
    private static Set<String> selection(Project project, DependencyGraph graph, List<String> services) {
        if (services.isEmpty()) {
            return project.services().keySet();
        }
        Set<String> out = new LinkedHashSet<>();
        Deque<String> todo = new ArrayDeque<>();
        for (String s : services) {
            if (project.services().containsKey(s)) {
                todo.add(s);
            }
        }
        while (!todo.isEmpty()) {
            String s = todo.poll();
            if (out.add(s)) {
                todo.addAll(graph.dependents(s));
            }
        }
        return out;
    }

}
