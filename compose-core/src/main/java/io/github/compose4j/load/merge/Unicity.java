package io.github.compose4j.load.merge;

import io.github.compose4j.load.tree.MapNode;
import io.github.compose4j.load.tree.Node;
import io.github.compose4j.load.tree.SeqNode;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Compose's "enforce unicity": sequences that model a set (mounts, ports, {@code KEY=VALUE} lists...)
 * keep one item per key. A later item replaces the earlier one <em>at the earlier one's position</em>.
 * Only sequences reached through mappings are looked at, as in Compose.
 */
final class Unicity {
    /** compose-go v2.4.8 {@code override/uncity.go}. */
    static final PathTable<Indexers.Indexer> TABLE = PathTable.<Indexers.Indexer>builder()
            .add("networks.*.labels", Indexers::keyValue)
            .add("networks.*.ipam.options", Indexers::keyValue)
            .add("services.*.annotations", Indexers::keyValue)
            .add("services.*.build.args", Indexers::keyValue)
            .add("services.*.build.additional_contexts", Indexers::keyValue)
            .add("services.*.build.platform", Indexers::keyValue)
            .add("services.*.build.tags", Indexers::keyValue)
            .add("services.*.build.labels", Indexers::keyValue)
            .add("services.*.cap_add", Indexers::keyValue)
            .add("services.*.cap_drop", Indexers::keyValue)
            .add("services.*.devices", Indexers::device)
            .add("services.*.configs", Indexers.mount(""))
            .add("services.*.deploy.labels", Indexers::keyValue)
            .add("services.*.dns", Indexers::keyValue)
            .add("services.*.dns_opt", Indexers::keyValue)
            .add("services.*.dns_search", Indexers::keyValue)
            .add("services.*.environment", Indexers::keyValue)
            .add("services.*.env_file", Indexers::envFile)
            .add("services.*.expose", Indexers::expose)
            .add("services.*.labels", Indexers::keyValue)
            .add("services.*.links", Indexers::keyValue)
            .add("services.*.networks.*.aliases", Indexers::keyValue)
            .add("services.*.networks.*.link_local_ips", Indexers::keyValue)
            .add("services.*.ports", Indexers::port)
            .add("services.*.profiles", Indexers::keyValue)
            .add("services.*.secrets", Indexers.mount("/run/secrets"))
            .add("services.*.sysctls", Indexers::keyValue)
            .add("services.*.tmpfs", Indexers::keyValue)
            .add("services.*.volumes", Indexers::volume)
            .build();

    private Unicity() {
    }

    static MapNode enforce(MapNode root) {
        return (MapNode) walk(root, TreePath.ROOT, TABLE.prefixes());
    }

    /** Only the subtrees some pattern of the table reaches are visited. */
    private static Node walk(Node node, TreePath path, PathTable.Prefix prefix) {
        if (node instanceof MapNode map) {
            return map.mapValues((key, value) -> {
                if (value instanceof MapNode || value instanceof SeqNode) {
                    PathTable.Prefix next = prefix.next(key);
                    return next == null ? value : walk(value, path.next(key), next);
                }
                return value;
            });
        }
        if (node instanceof SeqNode seq) {
            Indexers.Indexer indexer = TABLE.find(path);
            return indexer == null ? seq : unique(seq, indexer, path);
        }
        return node;
    }

    private static SeqNode unique(SeqNode seq, Indexers.Indexer indexer, TreePath path) {
        List<Node> kept = new ArrayList<>(seq.size());
        Map<String, Integer> positions = new HashMap<>();
        for (int i = 0; i < seq.size(); i++) {
            Node item = seq.get(i);
            String key = indexer.key(item, path.index(i));
            Integer at = positions.putIfAbsent(key, kept.size());
            if (at == null) {
                kept.add(item);
            } else {
                kept.set(at, item);
            }
        }
        if (kept.size() == seq.size() && sameItems(kept, seq.items())) {
            return seq;
        }
        return new SeqNode(kept, seq.mark(), seq.tag());
    }

    private static boolean sameItems(List<Node> a, List<Node> b) {
        for (int i = 0; i < a.size(); i++) {
            if (a.get(i) != b.get(i)) {
                return false;
            }
        }
        return true;
    }
}
