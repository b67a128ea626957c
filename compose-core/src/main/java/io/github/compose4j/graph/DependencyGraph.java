package io.github.compose4j.graph;

import io.github.compose4j.model.Service;
import org.jgrapht.Graph;
import org.jgrapht.graph.DefaultEdge;
import org.jgrapht.graph.SimpleDirectedGraph;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The {@code depends_on} relation between services: an edge goes from a service to each service it
 * depends on. Built in linear time; queries are linear in the size of the graph.
 */
public final class DependencyGraph {
    private final Graph<String, DefaultEdge> graph;

    private DependencyGraph(Graph<String, DefaultEdge> graph) {
        this.graph = graph;
    }

    /** The graph of the given services; dependencies on services not in the map are left out. */
    public static DependencyGraph of(Map<String, Service> services) {
        Graph<String, DefaultEdge> g = new SimpleDirectedGraph<>(DefaultEdge.class);
        services.keySet().forEach(g::addVertex);
        services.forEach((name, s) -> s.dependsOn().keySet().forEach(dep -> {
            if (services.containsKey(dep) && !dep.equals(name)) {
                g.addEdge(name, dep);
            }
        }));
        return new DependencyGraph(g);
    }

    /**
     * Services in an order where each comes after the services it depends on; among services free to
     * go, names in alphabetical order. The graph must be acyclic (projects are checked when loaded).
     */
    public List<String> startOrder() {
        java.util.Map<String, Integer> pending = new java.util.HashMap<>();
        java.util.PriorityQueue<String> ready = new java.util.PriorityQueue<>();
        for (String v : graph.vertexSet()) {
            int deps = graph.outDegreeOf(v);
            pending.put(v, deps);
            if (deps == 0) {
                ready.add(v);
            }
        }
        List<String> order = new ArrayList<>(pending.size());
        while (!ready.isEmpty()) {
            String v = ready.poll();
            order.add(v);
            for (DefaultEdge e : graph.incomingEdgesOf(v)) {
                String dependent = graph.getEdgeSource(e);
                if (pending.merge(dependent, -1, Integer::sum) == 0) {
                    ready.add(dependent);
                }
            }
        }
        return order;
    }

    /** The reverse of {@link #startOrder()}: dependents before the services they depend on. */
    public List<String> stopOrder() {
        List<String> order = new ArrayList<>(startOrder());
        Collections.reverse(order);
        return order;
    }

    /** The services that depend on {@code service} directly, sorted. */
    public List<String> dependents(String service) {
        List<String> out = new ArrayList<>();
        for (DefaultEdge e : graph.incomingEdgesOf(service)) {
            out.add(graph.getEdgeSource(e));
        }
        Collections.sort(out);
        return out;
    }

    /** The services a service depends on directly, sorted. */
    public List<String> dependencies(String service) {
        List<String> out = new ArrayList<>();
        for (DefaultEdge e : graph.outgoingEdgesOf(service)) {
            out.add(graph.getEdgeTarget(e));
        }
        Collections.sort(out);
        return out;
    }

    /**
     * The first cycle met when walking services and their dependencies in name order, as
     * {@code a -> b -> a}; the same cycle Compose reports.
     */
    public Optional<List<String>> firstCycle(Map<String, Service> services) {
        return cycleOf(services);
    }

    /** {@link #firstCycle} without building the graph, which it does not use (project loading). */
    public static Optional<List<String>> cycleOf(Map<String, Service> services) {
        Map<String, Integer> state = new HashMap<>();
        String[] roots = services.keySet().toArray(new String[0]);
        java.util.Arrays.sort(roots);
        for (String root : roots) {
            List<String> path = new ArrayList<>();
            Optional<List<String>> c = visit(root, services, state, path);
            if (c.isPresent()) {
                return c;
            }
        }
        return Optional.empty();
    }

    private static Optional<List<String>> visit(String node, Map<String, Service> services, Map<String, Integer> state,
                                                List<String> path) {
        // Iterative depth-first search: deep chains must not overflow the stack.
        record Frame(String node, List<String> children, int next) {
        }
        List<Frame> stack = new ArrayList<>();
        if (state.getOrDefault(node, 0) == 2) {
            return Optional.empty();
        }
        state.put(node, 1);
        path.add(node);
        stack.add(new Frame(node, sortedDeps(services.get(node)), 0));
        while (!stack.isEmpty()) {
            Frame f = stack.get(stack.size() - 1);
            if (f.next() >= f.children().size()) {
                state.put(f.node(), 2);
                path.remove(path.size() - 1);
                stack.remove(stack.size() - 1);
                continue;
            }
            String child = f.children().get(f.next());
            stack.set(stack.size() - 1, new Frame(f.node(), f.children(), f.next() + 1));
            Service cs = services.get(child);
            if (cs == null) {
                continue;
            }
            int st = state.getOrDefault(child, 0);
            if (st == 1) {
                List<String> cycle = new ArrayList<>(path.subList(path.indexOf(child), path.size()));
                cycle.add(child);
                return Optional.of(cycle);
            }
            if (st == 0) {
                state.put(child, 1);
                path.add(child);
                stack.add(new Frame(child, sortedDeps(cs), 0));
            }
        }
        return Optional.empty();
    }

    private static List<String> sortedDeps(Service s) {
        List<String> deps = new ArrayList<>(s.dependsOn().keySet());
        Collections.sort(deps);
        return deps;
    }
}
