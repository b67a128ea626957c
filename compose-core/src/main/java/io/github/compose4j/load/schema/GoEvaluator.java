package io.github.compose4j.load.schema;

import io.github.compose4j.load.tree.MapNode;
import io.github.compose4j.load.tree.Node;
import io.github.compose4j.load.tree.ScalarNode;
import io.github.compose4j.load.tree.SeqNode;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Validates a raw tree the way gojsonschema v1.2.0 does, to get the same errors in the same order and
 * the same "closest branch" for failed {@code oneOf}/{@code anyOf}, which it picks by a score counting
 * the checks that passed. Compose chooses the error it prints from this list, so both the order and
 * the score matter. Where Go iterates maps in random order (object keys, {@code properties}), keys are
 * visited in document order.
 */
final class GoEvaluator {
    /** Errors in the order gojsonschema appends them, and its score. */
    static final class Result {
        final List<GoError> errors = new ArrayList<>();
        int score;

        boolean valid() {
            return errors.isEmpty();
        }

        void add(GoErrorType type, DocPath path, Map<String, String> details) {
            errors.add(new GoError(type, path, details));
            score -= 2;
        }

        void merge(Result other) {
            errors.addAll(other.errors);
            score += other.score;
        }
    }

    private GoEvaluator() {
    }

    static Result validate(GoSchema schema, Node document) {
        Result result = new Result();
        recurse(schema, document, result, DocPath.ROOT);
        return result;
    }

    private static Result sub(GoSchema schema, Node node, DocPath path) {
        Result result = new Result();
        recurse(schema, node, result, path);
        return result;
    }

    private static void recurse(GoSchema schema, Node node, Result result, DocPath path) {
        if (schema.pass != null) {
            if (!schema.pass) {
                result.add(GoErrorType.FALSE, path, Map.of());
            }
            return;
        }
        GoSchema target = schema.refTarget();
        if (target != null) {
            recurse(target, node, result, path);
            return;
        }
        Kind kind = Kind.of(node);
        if (schema.isTyped() && !accepts(schema, kind)) {
            result.add(GoErrorType.INVALID_TYPE, path,
                    Map.of("expected", schema.typesText(), "given", kind.given));
            return;
        }
        validateCombinators(schema, node, result, path);
        switch (kind) {
            case NULL, BOOLEAN -> validateCommon(schema, node, result, path);
            case INTEGER, NUMBER -> {
                validateNumber(schema, node, result, path);
                validateCommon(schema, node, result, path);
            }
            case STRING -> {
                validateCommon(schema, node, result, path);
                validateString(schema, (String) ((ScalarNode) node).value(), result, path);
            }
            case ARRAY -> {
                validateArray(schema, (SeqNode) node, result, path);
                validateCommon(schema, node, result, path);
            }
            case OBJECT -> {
                MapNode map = (MapNode) node;
                validateObject(schema, map, result, path);
                validateCommon(schema, node, result, path);
                if (!schema.properties.isEmpty()) {
                    for (Map.Entry<String, Node> e : map.entries().entrySet()) {
                        GoSchema property = schema.properties.get(e.getKey());
                        if (property != null) {
                            recurse(property, e.getValue(), result, path.child(e.getKey()));
                        }
                    }
                }
            }
        }
        result.score++;
    }

    private static boolean accepts(GoSchema schema, Kind kind) {
        List<String> types = schema.types;
        return switch (kind) {
            case INTEGER -> types.contains("integer") || types.contains("number");
            case NUMBER -> types.contains("number");
            default -> types.contains(kind.given);
        };
    }

    private static void validateCombinators(GoSchema schema, Node node, Result result, DocPath path) {
        if (!schema.anyOf.isEmpty()) {
            Result best = null;
            boolean validated = false;
            for (GoSchema branch : schema.anyOf) {
                Result r = sub(branch, node, path);
                if (r.valid()) {
                    validated = true;
                    break;
                }
                if (best == null || r.score > best.score) {
                    best = r;
                }
            }
            if (!validated) {
                result.add(GoErrorType.ANY_OF, path, Map.of());
                result.merge(best);
            }
        }
        if (!schema.oneOf.isEmpty()) {
            int validCount = 0;
            Result best = null;
            for (GoSchema branch : schema.oneOf) {
                Result r = sub(branch, node, path);
                if (r.valid()) {
                    validCount++;
                } else if (validCount == 0 && (best == null || r.score > best.score)) {
                    best = r;
                }
            }
            if (validCount != 1) {
                result.add(GoErrorType.ONE_OF, path, Map.of());
                if (validCount == 0) {
                    result.merge(best);
                }
            }
        }
        if (!schema.allOf.isEmpty()) {
            int validCount = 0;
            for (GoSchema branch : schema.allOf) {
                Result r = sub(branch, node, path);
                if (r.valid()) {
                    validCount++;
                }
                result.merge(r);
            }
            if (validCount != schema.allOf.size()) {
                result.add(GoErrorType.ALL_OF, path, Map.of());
            }
        }
        if (schema.not != null && sub(schema.not, node, path).valid()) {
            result.add(GoErrorType.NOT, path, Map.of());
        }
        result.score++;
    }

    private static void validateCommon(GoSchema schema, Node node, Result result, DocPath path) {
        if (schema.constValue != null || !schema.enumValues.isEmpty()) {
            String json = GoJson.canonical(node);
            if (schema.constValue != null && !schema.constValue.equals(json)) {
                result.add(GoErrorType.CONST, path, Map.of("allowed", schema.constValue));
            }
            if (!schema.enumValues.isEmpty() && !schema.enumValues.contains(json)) {
                result.add(GoErrorType.ENUM, path, Map.of("allowed", String.join(", ", schema.enumValues)));
            }
        }
        result.score++;
    }

    private static void validateArray(GoSchema schema, SeqNode seq, Result result, DocPath path) {
        int size = seq.size();
        if (schema.items != null) {
            for (int i = 0; i < size; i++) {
                result.merge(sub(schema.items, seq.get(i), path.child(i)));
            }
        } else if (!schema.tupleItems.isEmpty()) {
            int n = schema.tupleItems.size();
            for (int i = 0; i < n && i < size; i++) {
                result.merge(sub(schema.tupleItems.get(i), seq.get(i), path.child(i)));
            }
            if (n < size) {
                if (schema.additionalItems == Boolean.FALSE) {
                    result.add(GoErrorType.NO_ADDITIONAL_ITEMS, path, Map.of());
                } else if (schema.additionalItems instanceof GoSchema extra) {
                    for (int i = n; i < size; i++) {
                        result.merge(sub(extra, seq.get(i), path.child(i)));
                    }
                }
            }
        }
        if (schema.minItems != null && size < schema.minItems) {
            result.add(GoErrorType.MIN_ITEMS, path, Map.of("min", schema.minItems.toString()));
        }
        if (schema.maxItems != null && size > schema.maxItems) {
            result.add(GoErrorType.MAX_ITEMS, path, Map.of("max", schema.maxItems.toString()));
        }
        if (schema.uniqueItems) {
            Map<String, Integer> seen = new HashMap<>();
            for (int j = 0; j < size; j++) {
                Integer i = seen.put(GoJson.canonical(seq.get(j)), j);
                if (i != null) {
                    result.add(GoErrorType.UNIQUE, path,
                            Map.of("type", "array", "i", i.toString(), "j", Integer.toString(j)));
                }
            }
        }
        result.score++;
    }

    private static void validateObject(GoSchema schema, MapNode map, Result result, DocPath path) {
        if (schema.minProperties != null && map.size() < schema.minProperties) {
            result.add(GoErrorType.MIN_PROPERTIES, path, Map.of("min", schema.minProperties.toString()));
        }
        if (schema.maxProperties != null && map.size() > schema.maxProperties) {
            result.add(GoErrorType.MAX_PROPERTIES, path, Map.of("max", schema.maxProperties.toString()));
        }
        for (String name : schema.required) {
            if (map.has(name)) {
                result.score++;
            } else {
                result.add(GoErrorType.REQUIRED, path, Map.of("property", name));
            }
        }
        for (Map.Entry<String, Node> e : map.entries().entrySet()) {
            String key = e.getKey();
            boolean declared = schema.properties.containsKey(key);
            boolean matched = false;
            for (GoSchema.PatternProperty pp : schema.patternProperties) {
                if (pp.regex().matcher(key).find()) {
                    matched = true;
                    result.merge(sub(pp.schema(), e.getValue(), path.child(key)));
                }
            }
            if (matched) {
                result.score++;
            }
            if (!declared && !matched) {
                if (schema.additionalProperties == Boolean.FALSE) {
                    result.add(GoErrorType.ADDITIONAL_PROPERTY, path, Map.of("property", key));
                } else if (schema.additionalProperties instanceof GoSchema extra) {
                    result.merge(sub(extra, e.getValue(), path.child(key)));
                }
            }
        }
        result.score++;
    }

    private static void validateString(GoSchema schema, String value, Result result, DocPath path) {
        if (schema.minLength != null || schema.maxLength != null) {
            int length = value.codePointCount(0, value.length());
            if (schema.minLength != null && length < schema.minLength) {
                result.add(GoErrorType.MIN_LENGTH, path, Map.of("min", schema.minLength.toString()));
            }
            if (schema.maxLength != null && length > schema.maxLength) {
                result.add(GoErrorType.MAX_LENGTH, path, Map.of("max", schema.maxLength.toString()));
            }
        }
        if (schema.pattern != null && !schema.pattern.matcher(value).find()) {
            result.add(GoErrorType.PATTERN, path, Map.of("pattern", schema.patternSource));
        }
        if (schema.format != null && !Formats.accepts(schema.format, value)) {
            result.add(GoErrorType.FORMAT, path, Map.of("format", schema.format));
        }
        result.score++;
    }

    private static void validateNumber(GoSchema schema, Node node, Result result, DocPath path) {
        BigDecimal value = Kind.decimal((ScalarNode) node);
        if (schema.multipleOf != null && schema.multipleOf.signum() != 0
                && value.remainder(schema.multipleOf).signum() != 0) {
            result.add(GoErrorType.MULTIPLE_OF, path, Map.of("multiple", GoJson.formatBound(schema.multipleOf)));
        }
        if (schema.maximum != null && value.compareTo(schema.maximum) > 0) {
            result.add(GoErrorType.MAXIMUM, path, Map.of("max", GoJson.formatBound(schema.maximum)));
        }
        if (schema.exclusiveMaximum != null && value.compareTo(schema.exclusiveMaximum) >= 0) {
            result.add(GoErrorType.EXCLUSIVE_MAXIMUM, path, Map.of("max", GoJson.formatBound(schema.exclusiveMaximum)));
        }
        if (schema.minimum != null && value.compareTo(schema.minimum) < 0) {
            result.add(GoErrorType.MINIMUM, path, Map.of("min", GoJson.formatBound(schema.minimum)));
        }
        if (schema.exclusiveMinimum != null && value.compareTo(schema.exclusiveMinimum) <= 0) {
            result.add(GoErrorType.EXCLUSIVE_MINIMUM, path, Map.of("min", GoJson.formatBound(schema.exclusiveMinimum)));
        }
        // gojsonschema hands numbers to format checkers too; Compose's duration checker rejects them.
        if (schema.format != null && !Formats.acceptsNumber(schema.format)) {
            result.add(GoErrorType.FORMAT, path, Map.of("format", schema.format));
        }
        result.score++;
    }

    /** The JSON kind of a tree node, with integral floats counted as integers as Go's JSON round trip does. */
    enum Kind {
        NULL("null"), BOOLEAN("boolean"), INTEGER("integer"), NUMBER("number"), STRING("string"),
        ARRAY("array"), OBJECT("object");

        final String given;

        Kind(String given) {
            this.given = given;
        }

        static Kind of(Node node) {
            if (node instanceof MapNode) {
                return OBJECT;
            }
            if (node instanceof SeqNode) {
                return ARRAY;
            }
            Object v = ((ScalarNode) node).value();
            if (v == null) {
                return NULL;
            }
            if (v instanceof String) {
                return STRING;
            }
            if (v instanceof Boolean) {
                return BOOLEAN;
            }
            if (v instanceof Long) {
                return INTEGER;
            }
            double d = (Double) v;
            return d == Math.rint(d) ? INTEGER : NUMBER;
        }

        static BigDecimal decimal(ScalarNode node) {
            Object v = node.value();
            if (v instanceof Long l) {
                return BigDecimal.valueOf(l);
            }
            return new BigDecimal(Double.toString((Double) v));
        }
    }
}
