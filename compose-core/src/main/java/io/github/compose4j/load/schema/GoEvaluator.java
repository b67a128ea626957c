package io.github.compose4j.load.schema;

import io.github.compose4j.load.tree.MapNode;
import io.github.compose4j.load.tree.Node;
import io.github.compose4j.load.tree.ScalarNode;
import io.github.compose4j.load.tree.SeqNode;

import io.github.compose4j.load.tree.Mark;

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
 *
 * <p>This walk allocates for every node, so it only runs on documents {@link ValidityCheck} rejected;
 * both must agree on validity.
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
        if (schema.refTarget != null) {
            recurse(schema.refTarget, node, result, path);
            return;
        }
        int kind = GoSchema.kindOf(node);
        if (!schema.admits(kind)) {
            result.add(GoErrorType.INVALID_TYPE, path,
                    Map.of("expected", schema.typesText, "given", GoSchema.kindName(kind)));
            return;
        }
        validateCombinators(schema, node, result, path);
        switch (kind) {
            case GoSchema.NULL, GoSchema.BOOLEAN -> validateCommon(schema, node, result, path);
            case GoSchema.INTEGER, GoSchema.NUMBER -> {
                validateNumber(schema, node, result, path);
                validateCommon(schema, node, result, path);
            }
            case GoSchema.STRING -> {
                validateCommon(schema, node, result, path);
                validateString(schema, (String) ((ScalarNode) node).value(), result, path);
            }
            case GoSchema.ARRAY -> {
                validateArray(schema, (SeqNode) node, result, path);
                validateCommon(schema, node, result, path);
            }
            default -> {
                MapNode map = (MapNode) node;
                validateObject(schema, map, result, path);
                validateCommon(schema, node, result, path);
                if (!schema.properties.isEmpty()) {
                    for (int i = 0; i < map.size(); i++) {
                        GoSchema property = schema.properties.get(map.keyAt(i));
                        if (property != null) {
                            recurse(property, map.valueAt(i), result, path.child(map.keyAt(i)));
                        }
                    }
                }
            }
        }
        result.score++;
    }

    private static void validateCombinators(GoSchema schema, Node node, Result result, DocPath path) {
        if (schema.anyOf.length > 0) {
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
        if (schema.oneOf.length > 0) {
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
        if (schema.allOf.length > 0) {
            int validCount = 0;
            for (GoSchema branch : schema.allOf) {
                Result r = sub(branch, node, path);
                if (r.valid()) {
                    validCount++;
                }
                result.merge(r);
            }
            if (validCount != schema.allOf.length) {
                result.add(GoErrorType.ALL_OF, path, Map.of());
            }
        }
        if (schema.not != null && sub(schema.not, node, path).valid()) {
            result.add(GoErrorType.NOT, path, Map.of());
        }
        if (!schema.dependencies.isEmpty() && node instanceof MapNode map) {
            for (int i = 0; i < map.size(); i++) {
                Object dependency = schema.dependencies.get(map.keyAt(i));
                if (dependency instanceof String[] names) {
                    for (String name : names) {
                        if (!map.has(name)) {
                            result.add(GoErrorType.MISSING_DEPENDENCY, path, Map.of("dependency", name));
                        }
                    }
                } else if (dependency instanceof GoSchema dependent) {
                    recurse(dependent, node, result, path);
                }
            }
        }
        if (schema.ifSchema != null) {
            boolean condition = sub(schema.ifSchema, node, path).valid();
            GoSchema branch = condition ? schema.thenSchema : schema.elseSchema;
            if (branch != null) {
                Result r = sub(branch, node, path);
                if (!r.valid()) {
                    result.add(condition ? GoErrorType.CONDITION_THEN : GoErrorType.CONDITION_ELSE, path, Map.of());
                    result.merge(r);
                }
            }
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
        } else if (schema.tupleItems.length > 0) {
            int n = schema.tupleItems.length;
            for (int i = 0; i < n && i < size; i++) {
                result.merge(sub(schema.tupleItems[i], seq.get(i), path.child(i)));
            }
            if (n < size) {
                if (schema.noAdditionalItems) {
                    result.add(GoErrorType.NO_ADDITIONAL_ITEMS, path, Map.of());
                } else if (schema.additionalItems != null) {
                    for (int i = n; i < size; i++) {
                        result.merge(sub(schema.additionalItems, seq.get(i), path.child(i)));
                    }
                }
            }
        }
        if (schema.minItems >= 0 && size < schema.minItems) {
            result.add(GoErrorType.MIN_ITEMS, path, Map.of("min", Integer.toString(schema.minItems)));
        }
        if (schema.maxItems >= 0 && size > schema.maxItems) {
            result.add(GoErrorType.MAX_ITEMS, path, Map.of("max", Integer.toString(schema.maxItems)));
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
        if (schema.contains != null) {
            Result best = null;
            boolean matched = false;
            for (int i = 0; i < size; i++) {
                Result r = sub(schema.contains, seq.get(i), path.child(i));
                if (r.valid()) {
                    matched = true;
                    break;
                }
                if (best == null || r.score > best.score) {
                    best = r;
                }
            }
            if (!matched) {
                result.add(GoErrorType.CONTAINS, path, Map.of());
                if (best != null) {
                    result.merge(best);
                }
            }
        }
        result.score++;
    }

    private static void validateObject(GoSchema schema, MapNode map, Result result, DocPath path) {
        if (schema.minProperties >= 0 && map.size() < schema.minProperties) {
            result.add(GoErrorType.MIN_PROPERTIES, path, Map.of("min", Integer.toString(schema.minProperties)));
        }
        if (schema.maxProperties >= 0 && map.size() > schema.maxProperties) {
            result.add(GoErrorType.MAX_PROPERTIES, path, Map.of("max", Integer.toString(schema.maxProperties)));
        }
        for (String name : schema.required) {
            if (map.has(name)) {
                result.score++;
            } else {
                result.add(GoErrorType.REQUIRED, path, Map.of("property", name));
            }
        }
        for (int i = 0; i < map.size(); i++) {
            String key = map.keyAt(i);
            Node value = map.valueAt(i);
            boolean declared = schema.properties.containsKey(key);
            boolean matched = false;
            for (int p = 0; p < schema.patternKeys.length; p++) {
                if (schema.patternKeys[p].find(key)) {
                    matched = true;
                    result.merge(sub(schema.patternSchemas[p], value, path.child(key)));
                }
            }
            if (matched) {
                result.score++;
            }
            if (!declared && !matched) {
                if (schema.noAdditionalProperties) {
                    result.add(GoErrorType.ADDITIONAL_PROPERTY, path, Map.of("property", key));
                } else if (schema.additionalProperties != null) {
                    result.merge(sub(schema.additionalProperties, value, path.child(key)));
                }
            }
        }
        if (schema.propertyNames != null) {
            for (int i = 0; i < map.size(); i++) {
                String key = map.keyAt(i);
                Result r = sub(schema.propertyNames, new ScalarNode(key, Mark.NONE), path);
                if (!r.valid()) {
                    result.add(GoErrorType.INVALID_PROPERTY_NAME, path, Map.of("property", key));
                    result.merge(r);
                }
            }
        }
        result.score++;
    }

    private static void validateString(GoSchema schema, String value, Result result, DocPath path) {
        if (schema.minLength >= 0 || schema.maxLength >= 0) {
            int length = value.codePointCount(0, value.length());
            if (schema.minLength >= 0 && length < schema.minLength) {
                result.add(GoErrorType.MIN_LENGTH, path, Map.of("min", Integer.toString(schema.minLength)));
            }
            if (schema.maxLength >= 0 && length > schema.maxLength) {
                result.add(GoErrorType.MAX_LENGTH, path, Map.of("max", Integer.toString(schema.maxLength)));
            }
        }
        if (schema.pattern != null && !schema.pattern.find(value)) {
            result.add(GoErrorType.PATTERN, path, Map.of("pattern", schema.pattern.source()));
        }
        if (schema.format != null && !Formats.accepts(schema.format, value)) {
            result.add(GoErrorType.FORMAT, path, Map.of("format", schema.format));
        }
        result.score++;
    }

    private static void validateNumber(GoSchema schema, Node node, Result result, DocPath path) {
        if (!schema.checksNumbers) {
            result.score++;
            return;
        }
        BigDecimal value = GoSchema.decimal((ScalarNode) node);
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
}
