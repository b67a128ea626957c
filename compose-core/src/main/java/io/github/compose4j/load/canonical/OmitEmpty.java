package io.github.compose4j.load.canonical;

import io.github.compose4j.load.tree.MapNode;
import io.github.compose4j.load.tree.Node;
import io.github.compose4j.load.tree.Nodes;
import io.github.compose4j.load.tree.ScalarNode;
import io.github.compose4j.load.tree.SeqNode;

import java.util.ArrayList;
import java.util.List;

/** Drops empty entries where Compose ignores them: {@code dns: ""} (often an unset variable). */
public final class OmitEmpty {
    private OmitEmpty() {
    }

    public static MapNode apply(MapNode root) {
        if (!(root.get("services") instanceof MapNode services)) {
            return root;
        }
        return root.with("services", services.mapValues((name, s) -> {
            if (!(s instanceof MapNode service) || !service.has("dns")) {
                return s;
            }
            Node dns = service.get("dns");
            if (isEmpty(dns)) {
                return service.without("dns");
            }
            if (dns instanceof SeqNode seq) {
                List<Node> kept = new ArrayList<>();
                for (Node n : seq.items()) {
                    if (!isEmpty(n)) {
                        kept.add(n);
                    }
                }
                return service.with("dns", new SeqNode(kept, seq.mark(), seq.tag()));
            }
            return service;
        }));
    }

    private static boolean isEmpty(Node n) {
        return Nodes.isNull(n) || (n instanceof ScalarNode s && "".equals(s.value()));
    }
}
