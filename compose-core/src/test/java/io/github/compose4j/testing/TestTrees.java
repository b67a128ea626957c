package io.github.compose4j.testing;

import io.github.compose4j.load.tree.MapNode;
import io.github.compose4j.load.tree.Node;
import io.github.compose4j.load.tree.Nodes;
import io.github.compose4j.load.tree.SeqNode;
import io.github.compose4j.load.yaml.YamlLimits;
import io.github.compose4j.load.yaml.YamlParser;

import java.util.List;

/** Test helpers: raw trees from YAML text, and plain values out of trees. */
public final class TestTrees {
    public static final String FILE = "compose.yaml";

    private TestTrees() {
    }

    /** The single document of a YAML text, as the YAML stage gives it (file name {@link #FILE}). */
    public static MapNode yaml(String text) {
        List<MapNode> docs = new YamlParser(YamlLimits.DEFAULT).parse(FILE, text);
        if (docs.size() != 1) {
            throw new IllegalArgumentException("expected one document, got " + docs.size());
        }
        return docs.get(0);
    }

    /** The node at a dotted path ({@code services.web.ports.0}); null when a key is missing. */
    public static Node node(Node root, String path) {
        Node n = root;
        for (String part : path.split("\\.")) {
            if (n instanceof MapNode m) {
                n = m.get(part);
            } else if (n instanceof SeqNode s) {
                n = s.get(Integer.parseInt(part));
            } else {
                return null;
            }
        }
        return n;
    }

    /** The plain value (String, Long, Boolean, List, Map...) at a dotted path. */
    public static Object at(Node root, String path) {
        return Nodes.toPlain(node(root, path));
    }
}
