package io.github.compose4j.load.schema;

import io.github.compose4j.load.tree.MapNode;
import io.github.compose4j.load.tree.Mark;
import io.github.compose4j.load.tree.Node;
import io.github.compose4j.load.tree.ScalarNode;
import io.github.compose4j.load.tree.SeqNode;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.api.lowlevel.Compose;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.SequenceNode;
import org.snakeyaml.engine.v2.nodes.Tag;
import org.snakeyaml.engine.v2.schema.CoreSchema;

import java.util.ArrayList;
import java.util.List;

/**
 * Test-only: raw trees from YAML text, with 1-based marks, so tests can be written as YAML. Uses
 * snakeyaml-engine's composer directly (not compose4j's own YAML loader) and resolves plain scalars
 * with the YAML 1.2 core schema, which agrees with Compose's for the values tests use.
 */
final class Trees {
    private Trees() {
    }

    static MapNode yaml(String file, String text) {
        LoadSettings settings = LoadSettings.builder().setSchema(new CoreSchema()).build();
        org.snakeyaml.engine.v2.nodes.Node node = new Compose(settings).composeString(text)
                .orElseThrow(() -> new IllegalArgumentException("empty document"));
        return (MapNode) convert(node, file);
    }

    static MapNode yaml(String text) {
        return yaml("compose.yaml", text);
    }

    private static Node convert(org.snakeyaml.engine.v2.nodes.Node node, String file) {
        Mark mark = mark(node, file);
        if (node instanceof MappingNode mapping) {
            MapNode.Builder b = MapNode.builder(mark);
            for (NodeTuple t : mapping.getValue()) {
                org.snakeyaml.engine.v2.nodes.ScalarNode key = (org.snakeyaml.engine.v2.nodes.ScalarNode) t.getKeyNode();
                b.put(key.getValue(), mark(key, file), convert(t.getValueNode(), file));
            }
            return b.build();
        }
        if (node instanceof SequenceNode seq) {
            List<Node> items = new ArrayList<>();
            seq.getValue().forEach(n -> items.add(convert(n, file)));
            return new SeqNode(items, mark);
        }
        org.snakeyaml.engine.v2.nodes.ScalarNode scalar = (org.snakeyaml.engine.v2.nodes.ScalarNode) node;
        return new ScalarNode(value(scalar), mark);
    }

    private static Object value(org.snakeyaml.engine.v2.nodes.ScalarNode scalar) {
        String text = scalar.getValue();
        Tag tag = scalar.getTag();
        if (tag.equals(Tag.NULL)) {
            return null;
        }
        if (tag.equals(Tag.BOOL)) {
            return Boolean.parseBoolean(text.toLowerCase());
        }
        if (tag.equals(Tag.INT)) {
            if (text.startsWith("0x")) {
                return Long.parseLong(text.substring(2), 16);
            }
            if (text.startsWith("0o")) {
                return Long.parseLong(text.substring(2), 8);
            }
            return Long.parseLong(text);
        }
        if (tag.equals(Tag.FLOAT)) {
            String t = text.toLowerCase();
            if (t.endsWith(".inf")) {
                return t.startsWith("-") ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY;
            }
            if (t.equals(".nan")) {
                return Double.NaN;
            }
            return Double.parseDouble(text);
        }
        return text;
    }

    private static Mark mark(org.snakeyaml.engine.v2.nodes.Node node, String file) {
        return node.getStartMark()
                .map(m -> new Mark(file, m.getLine() + 1, m.getColumn() + 1))
                .orElse(Mark.NONE);
    }
}
