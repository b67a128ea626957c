package io.github.compose4j.load.canonical;

import io.github.compose4j.load.tree.MapNode;
import io.github.compose4j.load.tree.Node;
import io.github.compose4j.load.tree.Nodes;
import io.github.compose4j.load.tree.ScalarNode;
import io.github.compose4j.load.tree.SeqNode;

import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

/** The implicit values the specification gives to attributes left out of the compose file. */
public final class Defaults {
    private Defaults() {
    }

    public static MapNode apply(MapNode root) {
        Node services = root.get("services");
        if (!(services instanceof MapNode svcs)) {
            return root;
        }
        return root.with("services", svcs.mapValues((name, s) -> s instanceof MapNode m ? service(m) : s));
    }

    private static MapNode service(MapNode service) {
        return service.mapValues((key, v) -> switch (key) {
            case "build" -> v instanceof MapNode b && !b.has("context") ? b.with("context", new ScalarNode(".", b.mark())) : v;
            case "secrets" -> items(v, Defaults::secretTarget);
            case "ports" -> items(v, Defaults::port);
            case "gpus" -> items(v, Defaults::deviceRequest);
            case "deploy" -> deploy(v);
            default -> v;
        });
    }

    private static Node items(Node v, UnaryOperator<Node> fn) {
        if (!(v instanceof SeqNode seq)) {
            return v;
        }
        List<Node> out = new ArrayList<>(seq.size());
        for (Node n : seq.items()) {
            out.add(fn.apply(n));
        }
        return new SeqNode(out, seq.mark(), seq.tag());
    }

    private static Node secretTarget(Node n) {
        if (n instanceof MapNode m && !m.has("target")) {
            Node source = m.get("source");
            String s = source == null ? "<nil>" : ((ScalarNode) source).text();
            return m.with("target", new ScalarNode("/run/secrets/" + s, m.mark()));
        }
        return n;
    }

    private static Node port(Node n) {
        if (!(n instanceof MapNode m)) {
            return n;
        }
        MapNode.Builder b = m.toBuilder();
        if (!m.has("protocol")) {
            b.put("protocol", new ScalarNode("tcp", m.mark()));
        }
        if (!m.has("mode")) {
            b.put("mode", new ScalarNode("ingress", m.mark()));
        }
        return b.build();
    }

    private static Node deviceRequest(Node n) {
        if (n instanceof MapNode m && !m.has("count") && !m.has("device_ids")) {
            return m.with("count", new ScalarNode("all", m.mark()));
        }
        return n;
    }

    private static Node deploy(Node v) {
        if (!(v instanceof MapNode deploy) || !(deploy.get("resources") instanceof MapNode resources)
                || !(resources.get("reservations") instanceof MapNode reservations)
                || Nodes.isNull(reservations.get("devices"))) {
            return v;
        }
        MapNode r = reservations.with("devices", items(reservations.get("devices"), Defaults::deviceRequest));
        return deploy.with("resources", resources.with("reservations", r));
    }
}
