package io.github.compose4j.load.canonical;

import io.github.compose4j.load.tree.MapNode;
import io.github.compose4j.load.tree.Mark;
import io.github.compose4j.load.tree.Node;
import io.github.compose4j.load.tree.Nodes;
import io.github.compose4j.load.tree.ScalarNode;
import io.github.compose4j.load.tree.SeqNode;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Compose's normalization of the merged tree: the implicit {@code default} network, resource names
 * ({@code <project>_<key>}), build defaults, environment entries without a value looked up in the
 * project environment, and the implicit dependencies of {@code links}, {@code volumes_from} and
 * {@code service:} namespaces.
 */
public final class Normalizer {
    private static final List<String> NAMESPACES = List.of("network_mode", "ipc", "pid", "uts", "cgroup");

    private Normalizer() {
    }

    public static MapNode normalize(MapNode root, String projectName, Map<String, String> env) {
        MapNode.Builder b = root.toBuilder();
        b.put("name", new ScalarNode(projectName, Mark.NONE));
        MapNode withNetworks = networks(b.build());
        b = withNetworks.toBuilder();
        if (withNetworks.get("services") instanceof MapNode services) {
            b.put("services", services.mapValues((name, s) -> s instanceof MapNode m ? service(m, env) : s));
        }
        MapNode out = b.build();
        for (String kind : List.of("networks", "volumes", "configs", "secrets")) {
            if (out.get(kind) instanceof MapNode resources) {
                out = out.with(kind, resources.mapValues((key, r) -> named(projectName, key, r)));
            }
        }
        return out;
    }

    private static MapNode networks(MapNode root) {
        MapNode networks = root.get("networks") instanceof MapNode n ? n : MapNode.empty(Mark.NONE);
        boolean usesDefault = false;
        MapNode out = root;
        if (root.get("services") instanceof MapNode services) {
            MapNode.Builder sb = services.toBuilder();
            for (Map.Entry<String, Node> e : services.entries().entrySet()) {
                if (!(e.getValue() instanceof MapNode service) || service.has("network_mode")) {
                    continue;
                }
                Node n = service.get("networks");
                if (n == null || (n instanceof MapNode nm && nm.isEmpty())) {
                    MapNode def = MapNode.builder(service.mark()).put("default", new ScalarNode(null, service.mark())).build();
                    sb.put(e.getKey(), service.with("networks", def));
                    usesDefault = true;
                } else if (n instanceof MapNode nm && nm.has("default")) {
                    usesDefault = true;
                }
            }
            out = out.with("services", sb.build());
        }
        if (!networks.has("default") && usesDefault) {
            networks = networks.with("default", new ScalarNode(null, Mark.NONE));
        }
        if (!networks.isEmpty()) {
            out = out.with("networks", networks);
        }
        return out;
    }

    private static Node service(MapNode service, Map<String, String> env) {
        MapNode.Builder b = service.toBuilder();
        if (service.get("pull_policy") instanceof ScalarNode pp && "if_not_present".equals(pp.value())) {
            b.put("pull_policy", pp.withValue("missing"));
        }
        if (service.get("build") instanceof MapNode build) {
            MapNode.Builder bb = build.toBuilder();
            if (Nodes.isNull(build.get("context"))) {
                bb.put("context", new ScalarNode(".", build.mark()));
            }
            if (Nodes.isNull(build.get("dockerfile")) && Nodes.isNull(build.get("dockerfile_inline"))) {
                bb.put("dockerfile", new ScalarNode("Dockerfile", build.mark()));
            }
            if (build.has("args")) {
                bb.put("args", resolve(build.get("args"), env, false));
            }
            b.put("build", bb.build());
        }
        if (service.has("environment")) {
            Node environment = service.get("environment");
            Node resolved = resolve(environment, env, true);
            if (resolved != environment) {
                b.put("environment", resolved);
            }
        }
        MapNode dependsOn = service.get("depends_on") instanceof MapNode d ? d : MapNode.empty(service.mark());
        MapNode.Builder deps = dependsOn.toBuilder();
        if (service.get("links") instanceof SeqNode links) {
            for (Node l : links.items()) {
                String link = Nodes.string(l);
                if (link == null) {
                    continue;
                }
                String[] parts = link.split(":", -1);
                if (parts.length == 2) {
                    link = parts[0];
                }
                if (!deps.has(link)) {
                    deps.put(link, l.mark(), implicit(l.mark(), true));
                }
            }
        }
        for (String ns : NAMESPACES) {
            String ref = Nodes.string(service.get(ns));
            if (ref != null && ref.startsWith("service:")) {
                String shared = ref.substring("service:".length());
                if (!deps.has(shared)) {
                    deps.put(shared, service.get(ns).mark(), implicit(service.get(ns).mark(), true));
                }
            }
        }
        if (service.get("volumes") instanceof SeqNode volumes) {
            List<Node> out = new ArrayList<>(volumes.size());
            boolean changed = false;
            for (Node v : volumes.items()) {
                if (v instanceof MapNode vol && vol.get("target") instanceof ScalarNode t && t.value() instanceof String target) {
                    String clean = GoPaths.clean(target);
                    if (!clean.equals(target)) {
                        changed = true;
                        out.add(vol.with("target", t.withValue(clean)));
                        continue;
                    }
                }
                out.add(v);
            }
            if (changed) {
                b.put("volumes", new SeqNode(out, volumes.mark(), volumes.tag()));
            }
        }
        if (service.get("volumes_from") instanceof SeqNode volumesFrom) {
            for (Node v : volumesFrom.items()) {
                String vol = Nodes.string(v);
                if (vol != null && !vol.startsWith("container:")) {
                    String svc = vol.split(":", -1)[0];
                    if (!deps.has(svc)) {
                        deps.put(svc, v.mark(), implicit(v.mark(), false));
                    }
                }
            }
        }
        MapNode finalDeps = deps.build();
        if (!finalDeps.isEmpty() && finalDeps.size() != dependsOn.size()) {
            b.put("depends_on", finalDeps);
        }
        return b.build();
    }

    private static MapNode implicit(Mark mark, boolean restart) {
        return MapNode.builder(mark)
                .put("condition", new ScalarNode("service_started", mark))
                .put("restart", new ScalarNode(restart, mark))
                .put("required", new ScalarNode(true, mark))
                .build();
    }

    /** Entries without a value take the project environment's value, when it has one. */
    private static Node resolve(Node node, Map<String, String> env, boolean keepEmpty) {
        if (keepEmpty && node instanceof MapNode map && !hasNullValue(map)) {
            return map;
        }
        if (node instanceof SeqNode seq) {
            List<Node> out = new ArrayList<>();
            for (Node item : seq.items()) {
                if (item instanceof ScalarNode s && s.value() instanceof String str) {
                    if (str.contains("=")) {
                        out.add(item);
                    } else if (env.containsKey(str)) {
                        out.add(s.withValue(str + "=" + env.get(str)));
                    } else if (keepEmpty) {
                        out.add(item);
                    }
                } else if (item instanceof SeqNode || item instanceof MapNode) {
                    out.add(resolve(item, env, keepEmpty));
                }
            }
            return new SeqNode(out, seq.mark(), seq.tag());
        }
        if (node instanceof MapNode map) {
            MapNode.Builder b = MapNode.builder(map.mark());
            for (Map.Entry<String, Node> e : map.entries().entrySet()) {
                if (!Nodes.isNull(e.getValue())) {
                    b.put(e.getKey(), map.keyMark(e.getKey()), e.getValue());
                } else if (env.containsKey(e.getKey())) {
                    b.put(e.getKey(), map.keyMark(e.getKey()), new ScalarNode(env.get(e.getKey()), e.getValue().mark()));
                } else if (keepEmpty) {
                    b.put(e.getKey(), map.keyMark(e.getKey()), e.getValue());
                }
            }
            return b.build();
        }
        return node;
    }

    private static boolean hasNullValue(MapNode map) {
        for (int i = 0; i < map.size(); i++) {
            if (Nodes.isNull(map.valueAt(i))) {
                return true;
            }
        }
        return false;
    }

    private static Node named(String project, String key, Node r) {
        MapNode resource = r instanceof MapNode m ? m : MapNode.empty(r.mark());
        if (Nodes.isNull(resource.get("name"))) {
            Node ext = resource.get("external");
            boolean external = ext instanceof ScalarNode s && isTrue(s.value());
            String name = external ? key : project + "_" + key;
            resource = resource.with("name", new ScalarNode(name, resource.mark()));
        }
        return resource;
    }

    private static boolean isTrue(Object v) {
        String s = io.github.compose4j.load.tree.GoFormat.sprint(v);
        return switch (s) {
            case "1", "t", "T", "TRUE", "true", "True" -> true;
            default -> false;
        };
    }
}
