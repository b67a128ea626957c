package io.github.compose4j.load.schema;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.compose4j.load.tree.MapNode;
import io.github.compose4j.load.tree.Node;
import io.github.compose4j.load.tree.ScalarNode;
import io.github.compose4j.load.tree.SeqNode;

import java.math.BigDecimal;
import java.util.Map;
import java.util.TreeMap;

/**
 * The raw tree as the JSON document Compose validates. Compose encodes its tree to JSON first, so a
 * float with an integral value becomes an integer ({@code 1.0} is written {@code 1}) and a NaN or
 * infinite float cannot be encoded at all.
 */
final class JsonConversion {
    private static final JsonNodeFactory FACTORY = JsonNodeFactory.instance;

    /** The JSON document, or the first scalar Go's encoder would refuse (then {@code json} is null). */
    record Converted(JsonNode json, ScalarNode unsupported) {
    }

    private JsonConversion() {
    }

    static Converted convert(MapNode root) {
        boolean[] unsupported = new boolean[1];
        JsonNode json = toJson(root, unsupported);
        if (unsupported[0]) {
            return new Converted(null, firstUnsupported(root));
        }
        return new Converted(json, null);
    }

    private static JsonNode toJson(Node node, boolean[] unsupported) {
        if (node instanceof MapNode map) {
            ObjectNode object = FACTORY.objectNode();
            for (Map.Entry<String, Node> e : map.entries().entrySet()) {
                object.set(e.getKey(), toJson(e.getValue(), unsupported));
            }
            return object;
        }
        if (node instanceof SeqNode seq) {
            ArrayNode array = FACTORY.arrayNode(seq.size());
            for (Node item : seq.items()) {
                array.add(toJson(item, unsupported));
            }
            return array;
        }
        Object v = ((ScalarNode) node).value();
        if (v == null) {
            return FACTORY.nullNode();
        }
        if (v instanceof String s) {
            return FACTORY.textNode(s);
        }
        if (v instanceof Boolean b) {
            return FACTORY.booleanNode(b);
        }
        if (v instanceof Long l) {
            return FACTORY.numberNode(l);
        }
        double d = (Double) v;
        if (Double.isNaN(d) || Double.isInfinite(d)) {
            unsupported[0] = true;
            return FACTORY.nullNode();
        }
        if (d == Math.rint(d)) {
            if (Math.abs(d) < 0x1p63) {
                return FACTORY.numberNode((long) d);
            }
            return FACTORY.numberNode(new BigDecimal(d).toBigInteger());
        }
        return FACTORY.numberNode(d);
    }

    /** Go's encoder walks maps in sorted key order and stops at the first bad float. */
    private static ScalarNode firstUnsupported(Node node) {
        if (node instanceof MapNode map) {
            for (Node child : new TreeMap<>(map.entries()).values()) {
                ScalarNode found = firstUnsupported(child);
                if (found != null) {
                    return found;
                }
            }
            return null;
        }
        if (node instanceof SeqNode seq) {
            for (Node item : seq.items()) {
                ScalarNode found = firstUnsupported(item);
                if (found != null) {
                    return found;
                }
            }
            return null;
        }
        ScalarNode scalar = (ScalarNode) node;
        if (scalar.value() instanceof Double d && (d.isNaN() || d.isInfinite())) {
            return scalar;
        }
        return null;
    }
}
