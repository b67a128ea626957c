package io.github.compose4j.load.schema;

import io.github.compose4j.load.tree.MapNode;
import io.github.compose4j.load.tree.Mark;
import io.github.compose4j.load.tree.Node;
import io.github.compose4j.load.tree.ScalarNode;
import io.github.compose4j.load.tree.SeqNode;

import java.math.BigDecimal;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Whether a document satisfies a schema, with exactly the outcome of {@link GoEvaluator} (valid when
 * gojsonschema reports no error) but none of its bookkeeping: no error list, no score, no path, and it
 * stops at the first failure. Valid documents, the usual case, are walked once without allocation
 * (numeric bounds and enums of non-strings aside).
 *
 * <p>A document is also only valid if JSON can encode it (no NaN or infinite float), which Compose
 * checks before validating: nodes the schema does not look into are scanned for such floats, so that
 * one walk answers both questions.
 */
final class ValidityCheck {
    /** Arrays up to this size are checked for duplicates pairwise, without a set. */
    private static final int PAIRWISE_UNIQUE = 16;

    private ValidityCheck() {
    }

    static boolean valid(GoSchema schema, Node node) {
        return valid(schema, node, GoSchema.kindOf(node));
    }

    private static boolean valid(GoSchema schema, Node node, int kind) {
        while (schema.refTarget != null) {
            schema = schema.refTarget;
        }
        if (schema.pass != null) {
            return schema.pass && encodable(node);
        }
        if (!schema.admits(kind)) {
            return false;
        }
        if (schema.combines && !combinators(schema, node, kind)) {
            return false;
        }
        switch (kind) {
            case GoSchema.STRING:
                return common(schema, node) && string(schema, (String) ((ScalarNode) node).value());
            case GoSchema.OBJECT:
                return object(schema, (MapNode) node) && common(schema, node);
            case GoSchema.ARRAY:
                return array(schema, (SeqNode) node) && common(schema, node);
            case GoSchema.INTEGER:
            case GoSchema.NUMBER:
                return number(schema, (ScalarNode) node) && common(schema, node);
            default:
                return common(schema, node);
        }
    }

    private static boolean combinators(GoSchema schema, Node node, int kind) {
        if (schema.anyOf.length > 0) {
            boolean any = false;
            for (GoSchema branch : schema.anyOf) {
                if (valid(branch, node, kind)) {
                    any = true;
                    break;
                }
            }
            if (!any) {
                return false;
            }
        }
        if (schema.oneOf.length > 0) {
            int count = 0;
            for (GoSchema branch : schema.oneOf) {
                if (valid(branch, node, kind) && ++count > 1) {
                    return false;
                }
            }
            if (count != 1) {
                return false;
            }
        }
        for (GoSchema branch : schema.allOf) {
            if (!valid(branch, node, kind)) {
                return false;
            }
        }
        if (schema.not != null && valid(schema.not, node, kind)) {
            return false;
        }
        if (!schema.dependencies.isEmpty() && node instanceof MapNode map) {
            for (int i = 0; i < map.size(); i++) {
                Object dependency = schema.dependencies.get(map.keyAt(i));
                if (dependency instanceof String[] names) {
                    for (String name : names) {
                        if (!map.has(name)) {
                            return false;
                        }
                    }
                } else if (dependency instanceof GoSchema dependent && !valid(dependent, node, kind)) {
                    return false;
                }
            }
        }
        if (schema.ifSchema != null) {
            GoSchema branch = valid(schema.ifSchema, node, kind) ? schema.thenSchema : schema.elseSchema;
            return branch == null || valid(branch, node, kind);
        }
        return true;
    }

    private static boolean common(GoSchema schema, Node node) {
        if (!schema.checksValue) {
            return true;
        }
        if (!schema.enumValues.isEmpty() && schema.constValue == null
                && node instanceof ScalarNode s && s.value() instanceof String text) {
            // Distinct strings have distinct JSON forms, and no other value's form starts with a quote.
            return schema.enumStrings.contains(text);
        }
        String json = GoJson.canonical(node);
        return (schema.constValue == null || schema.constValue.equals(json))
                && (schema.enumValues.isEmpty() || schema.enumValues.contains(json));
    }

    private static boolean string(GoSchema schema, String value) {
        if (schema.minLength >= 0 || schema.maxLength >= 0) {
            int length = value.codePointCount(0, value.length());
            if (schema.minLength >= 0 && length < schema.minLength
                    || schema.maxLength >= 0 && length > schema.maxLength) {
                return false;
            }
        }
        if (schema.pattern != null && !schema.pattern.find(value)) {
            return false;
        }
        return schema.format == null || Formats.accepts(schema.format, value);
    }

    private static boolean number(GoSchema schema, ScalarNode node) {
        if (node.value() instanceof Double d && !Double.isFinite(d)) {
            return false;
        }
        if (!schema.checksNumbers) {
            return true;
        }
        if (schema.format != null && !Formats.acceptsNumber(schema.format)) {
            return false;
        }
        if (schema.multipleOf == null && schema.minimum == null && schema.maximum == null
                && schema.exclusiveMinimum == null && schema.exclusiveMaximum == null) {
            return true;
        }
        BigDecimal value = GoSchema.decimal(node);
        return (schema.multipleOf == null || schema.multipleOf.signum() == 0
                        || value.remainder(schema.multipleOf).signum() == 0)
                && (schema.maximum == null || value.compareTo(schema.maximum) <= 0)
                && (schema.exclusiveMaximum == null || value.compareTo(schema.exclusiveMaximum) < 0)
                && (schema.minimum == null || value.compareTo(schema.minimum) >= 0)
                && (schema.exclusiveMinimum == null || value.compareTo(schema.exclusiveMinimum) > 0);
    }

    private static boolean array(GoSchema schema, SeqNode seq) {
        int size = seq.size();
        if (schema.minItems >= 0 && size < schema.minItems || schema.maxItems >= 0 && size > schema.maxItems) {
            return false;
        }
        if (schema.items != null) {
            for (int i = 0; i < size; i++) {
                if (!valid(schema.items, seq.get(i))) {
                    return false;
                }
            }
        } else if (schema.tupleItems.length > 0) {
            int n = schema.tupleItems.length;
            for (int i = 0; i < n && i < size; i++) {
                if (!valid(schema.tupleItems[i], seq.get(i))) {
                    return false;
                }
            }
            if (n < size) {
                if (schema.noAdditionalItems) {
                    return false;
                }
                for (int i = n; i < size; i++) {
                    if (!(schema.additionalItems != null ? valid(schema.additionalItems, seq.get(i))
                            : encodable(seq.get(i)))) {
                        return false;
                    }
                }
            }
        } else if (!encodable(seq)) {
            return false;
        }
        if (schema.uniqueItems && size > 1 && !unique(seq)) {
            return false;
        }
        if (schema.contains != null) {
            for (int i = 0; i < size; i++) {
                if (valid(schema.contains, seq.get(i))) {
                    return true;
                }
            }
            return false;
        }
        return true;
    }

    /** Whether no two items have the same JSON form (Go's {@code uniqueItems} comparison). */
    private static boolean unique(SeqNode seq) {
        int size = seq.size();
        boolean strings = true;
        for (int i = 0; i < size && strings; i++) {
            strings = seq.get(i) instanceof ScalarNode s && s.value() instanceof String;
        }
        if (strings && size <= PAIRWISE_UNIQUE) {
            for (int j = 1; j < size; j++) {
                Object b = ((ScalarNode) seq.get(j)).value();
                for (int i = 0; i < j; i++) {
                    if (b.equals(((ScalarNode) seq.get(i)).value())) {
                        return false;
                    }
                }
            }
            return true;
        }
        Set<String> seen = new HashSet<>(size * 2);
        for (int i = 0; i < size; i++) {
            Node item = seq.get(i);
            String form = strings ? (String) ((ScalarNode) item).value() : GoJson.canonical(item);
            if (!seen.add(form)) {
                return false;
            }
        }
        return true;
    }

    private static boolean object(GoSchema schema, MapNode map) {
        int size = map.size();
        if (schema.minProperties >= 0 && size < schema.minProperties
                || schema.maxProperties >= 0 && size > schema.maxProperties) {
            return false;
        }
        for (String name : schema.required) {
            if (!map.has(name)) {
                return false;
            }
        }
        GoPattern[] patterns = schema.patternKeys;
        boolean hasProperties = !schema.properties.isEmpty();
        for (int i = 0; i < size; i++) {
            String key = map.keyAt(i);
            Node value = map.valueAt(i);
            boolean described = false;
            if (hasProperties) {
                GoSchema property = schema.properties.get(key);
                if (property != null) {
                    described = true;
                    if (!valid(property, value)) {
                        return false;
                    }
                }
            }
            for (int p = 0; p < patterns.length; p++) {
                if (patterns[p].find(key)) {
                    described = true;
                    if (!valid(schema.patternSchemas[p], value)) {
                        return false;
                    }
                }
            }
            if (!described) {
                if (schema.noAdditionalProperties) {
                    return false;
                }
                if (!(schema.additionalProperties != null ? valid(schema.additionalProperties, value)
                        : encodable(value))) {
                    return false;
                }
            }
            if (schema.propertyNames != null && !valid(schema.propertyNames, new ScalarNode(key, Mark.NONE))) {
                return false;
            }
        }
        return true;
    }

    /** Whether JSON can encode the node: it holds no NaN or infinite float. */
    static boolean encodable(Node node) {
        if (node instanceof ScalarNode scalar) {
            return !(scalar.value() instanceof Double d) || Double.isFinite(d);
        }
        if (node instanceof MapNode map) {
            for (int i = 0; i < map.size(); i++) {
                if (!encodable(map.valueAt(i))) {
                    return false;
                }
            }
            return true;
        }
        List<Node> items = ((SeqNode) node).items();
        for (int i = 0; i < items.size(); i++) {
            if (!encodable(items.get(i))) {
                return false;
            }
        }
        return true;
    }
}
