package io.github.compose4j.load.yaml;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.github.compose4j.error.ComposeException;
import io.github.compose4j.load.tree.MapNode;
import io.github.compose4j.load.tree.Node;
import io.github.compose4j.load.tree.ScalarNode;
import io.github.compose4j.load.tree.SeqNode;
import java.util.List;

/** Test helpers: parse snippets and walk the resulting trees. */
final class Yaml {
    static final String FILE = "compose.yaml";

    private Yaml() {
    }

    static List<MapNode> docs(String yaml) {
        return new YamlParser(YamlLimits.DEFAULT).parse(FILE, yaml);
    }

    static MapNode doc(String yaml) {
        List<MapNode> docs = docs(yaml);
        assertThat(docs).hasSize(1);
        return docs.get(0);
    }

    /** The node at a dotted path; list items by index ("x.0.a"). */
    static Node at(Node root, String path) {
        Node n = root;
        for (String part : path.split("\\.")) {
            if (n instanceof MapNode m) {
                assertThat(m.has(part)).as("key %s in %s", part, path).isTrue();
                n = m.get(part);
            } else if (n instanceof SeqNode s) {
                n = s.get(Integer.parseInt(part));
            } else {
                throw new AssertionError("no " + part + " in scalar at " + path);
            }
        }
        return n;
    }

    /** The value of the scalar at "v" in a one-key document {@code v: <text>}. */
    static Object scalar(String text) {
        return ((ScalarNode) doc("v: " + text + "\n").get("v")).value();
    }

    static ComposeException error(String yaml) {
        ComposeException e = catchThrowableOfType(ComposeException.class, () -> docs(yaml));
        assertThat(e).as("expected an error for:\n%s", yaml).isNotNull();
        return e;
    }
}
