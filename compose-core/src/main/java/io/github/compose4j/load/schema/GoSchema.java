package io.github.compose4j.load.schema;

import com.fasterxml.jackson.databind.JsonNode;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * One (sub)schema, compiled with the keywords and quirks of gojsonschema v1.2.0, the library Compose
 * validates with: {@code $ref} hides its siblings, {@code id} is ignored, {@code type} lists keep their
 * order for the "Expected: [a,b]" wording. Keywords the compose-spec never uses ({@code dependencies},
 * {@code if}, {@code contains}, {@code propertyNames}) are not supported and are ignored.
 */
final class GoSchema {
    /** A pattern of {@code patternProperties} with the subschema values matching it must satisfy. */
    record PatternProperty(String source, Pattern regex, GoSchema schema) {
    }

    private final Map<String, GoSchema> registry;
    final Boolean pass;
    /** The JSON pointer of a {@code $ref} ({@code /definitions/service}), or null. */
    final String ref;
    final List<String> types;
    final Map<String, GoSchema> properties;
    final List<PatternProperty> patternProperties;
    /** {@code Boolean.FALSE}, a {@link GoSchema}, or null when absent (anything allowed). */
    final Object additionalProperties;
    final List<String> required;
    /** Canonical JSON of each allowed value, also what the enum error message lists. */
    final List<String> enumValues;
    final String constValue;
    final GoSchema items;
    final List<GoSchema> tupleItems;
    final Object additionalItems;
    final Integer minItems;
    final Integer maxItems;
    final boolean uniqueItems;
    final Integer minProperties;
    final Integer maxProperties;
    final Integer minLength;
    final Integer maxLength;
    final Pattern pattern;
    final String patternSource;
    final String format;
    final BigDecimal multipleOf;
    final BigDecimal minimum;
    final BigDecimal maximum;
    final BigDecimal exclusiveMinimum;
    final BigDecimal exclusiveMaximum;
    final List<GoSchema> anyOf;
    final List<GoSchema> oneOf;
    final List<GoSchema> allOf;
    final GoSchema not;

    /** Compiles a whole schema document; {@code $ref}s must be local JSON pointers ({@code #/definitions/x}). */
    static GoSchema compile(JsonNode document) {
        Map<String, GoSchema> registry = new HashMap<>();
        GoSchema root = new GoSchema(document, "", registry);
        checkRefs(registry);
        return root;
    }

    private GoSchema(JsonNode node, String pointer, Map<String, GoSchema> registry) {
        this.registry = registry;
        registry.put(pointer, this);
        if (node.isBoolean()) {
            pass = node.booleanValue();
            ref = null;
            types = List.of();
            properties = Map.of();
            patternProperties = List.of();
            additionalProperties = null;
            required = List.of();
            enumValues = List.of();
            constValue = null;
            items = null;
            tupleItems = List.of();
            additionalItems = null;
            minItems = maxItems = minProperties = maxProperties = minLength = maxLength = null;
            uniqueItems = false;
            pattern = null;
            patternSource = null;
            format = null;
            multipleOf = minimum = maximum = exclusiveMinimum = exclusiveMaximum = null;
            anyOf = oneOf = allOf = List.of();
            not = null;
            return;
        }
        if (!node.isObject()) {
            throw new IllegalArgumentException("schema at '" + pointer + "' is not an object");
        }
        pass = null;
        ref = node.has("$ref") ? pointerOf(node.get("$ref").asText()) : null;
        // Subschemas under definitions are reachable by $ref only, but must be registered.
        for (String container : List.of("definitions", "$defs")) {
            JsonNode defs = node.get(container);
            if (defs != null && defs.isObject()) {
                for (Map.Entry<String, JsonNode> e : defs.properties()) {
                    new GoSchema(e.getValue(), pointer + "/" + container + "/" + escape(e.getKey()), registry);
                }
            }
        }
        types = readTypes(node.get("type"));
        properties = readProperties(node.get("properties"), pointer + "/properties", registry);
        patternProperties = readPatternProperties(node.get("patternProperties"), pointer + "/patternProperties",
                registry);
        additionalProperties = readSchemaOrBoolean(node.get("additionalProperties"),
                pointer + "/additionalProperties", registry);
        required = readStrings(node.get("required"));
        enumValues = readEnum(node.get("enum"));
        constValue = node.has("const") ? GoJson.canonical(node.get("const")) : null;
        JsonNode itemsNode = node.get("items");
        if (itemsNode != null && itemsNode.isArray()) {
            items = null;
            List<GoSchema> list = new ArrayList<>();
            for (int i = 0; i < itemsNode.size(); i++) {
                list.add(new GoSchema(itemsNode.get(i), pointer + "/items/" + i, registry));
            }
            tupleItems = List.copyOf(list);
        } else {
            items = itemsNode != null ? new GoSchema(itemsNode, pointer + "/items", registry) : null;
            tupleItems = List.of();
        }
        additionalItems = readSchemaOrBoolean(node.get("additionalItems"), pointer + "/additionalItems", registry);
        minItems = readInt(node.get("minItems"));
        maxItems = readInt(node.get("maxItems"));
        uniqueItems = node.path("uniqueItems").asBoolean(false);
        minProperties = readInt(node.get("minProperties"));
        maxProperties = readInt(node.get("maxProperties"));
        minLength = readInt(node.get("minLength"));
        maxLength = readInt(node.get("maxLength"));
        patternSource = node.has("pattern") ? node.get("pattern").asText() : null;
        pattern = patternSource != null ? GoRegex.compile(patternSource) : null;
        format = node.has("format") ? node.get("format").asText() : null;
        multipleOf = readNumber(node.get("multipleOf"));
        minimum = readNumber(node.get("minimum"));
        maximum = readNumber(node.get("maximum"));
        exclusiveMinimum = readNumber(node.get("exclusiveMinimum"));
        exclusiveMaximum = readNumber(node.get("exclusiveMaximum"));
        anyOf = readList(node.get("anyOf"), pointer + "/anyOf", registry);
        oneOf = readList(node.get("oneOf"), pointer + "/oneOf", registry);
        allOf = readList(node.get("allOf"), pointer + "/allOf", registry);
        not = node.has("not") ? new GoSchema(node.get("not"), pointer + "/not", registry) : null;
    }

    /** The schema a {@code $ref} points to, or null when this schema has no {@code $ref}. */
    GoSchema refTarget() {
        return ref == null ? null : registry.get(ref);
    }

    boolean isTyped() {
        return !types.isEmpty();
    }

    /** gojsonschema's rendering of the expected types: {@code string}, or {@code [string,number]}. */
    String typesText() {
        return types.size() == 1 ? types.get(0) : "[" + String.join(",", types) + "]";
    }

    private static void checkRefs(Map<String, GoSchema> all) {
        for (GoSchema schema : all.values()) {
            if (schema.ref != null && !all.containsKey(schema.ref)) {
                throw new IllegalArgumentException("unresolvable $ref #" + schema.ref);
            }
        }
    }

    private static String pointerOf(String ref) {
        if (!ref.startsWith("#")) {
            throw new IllegalArgumentException("only local $ref are supported: " + ref);
        }
        return ref.substring(1);
    }

    private static String escape(String key) {
        return key.replace("~", "~0").replace("/", "~1");
    }

    private static List<String> readTypes(JsonNode node) {
        if (node == null) {
            return List.of();
        }
        if (node.isTextual()) {
            return List.of(node.textValue());
        }
        return readStrings(node);
    }

    private static List<String> readStrings(JsonNode node) {
        if (node == null || !node.isArray()) {
            return List.of();
        }
        List<String> out = new ArrayList<>();
        node.forEach(n -> out.add(n.asText()));
        return List.copyOf(out);
    }

    private static List<String> readEnum(JsonNode node) {
        if (node == null || !node.isArray()) {
            return List.of();
        }
        List<String> out = new ArrayList<>();
        node.forEach(n -> out.add(GoJson.canonical(n)));
        return List.copyOf(out);
    }

    private static Map<String, GoSchema> readProperties(JsonNode node, String pointer,
            Map<String, GoSchema> registry) {
        if (node == null || !node.isObject()) {
            return Map.of();
        }
        Map<String, GoSchema> out = new LinkedHashMap<>();
        node.properties().forEach(e -> out.put(e.getKey(),
                new GoSchema(e.getValue(), pointer + "/" + escape(e.getKey()), registry)));
        return Collections.unmodifiableMap(out);
    }

    private static List<PatternProperty> readPatternProperties(JsonNode node, String pointer,
            Map<String, GoSchema> registry) {
        if (node == null || !node.isObject()) {
            return List.of();
        }
        List<PatternProperty> out = new ArrayList<>();
        node.properties().forEach(e -> out.add(new PatternProperty(e.getKey(), GoRegex.compile(e.getKey()),
                new GoSchema(e.getValue(), pointer + "/" + escape(e.getKey()), registry))));
        return List.copyOf(out);
    }

    private static Object readSchemaOrBoolean(JsonNode node, String pointer, Map<String, GoSchema> registry) {
        if (node == null) {
            return null;
        }
        if (node.isBoolean()) {
            return node.booleanValue() ? null : Boolean.FALSE;
        }
        return new GoSchema(node, pointer, registry);
    }

    private static List<GoSchema> readList(JsonNode node, String pointer, Map<String, GoSchema> registry) {
        if (node == null || !node.isArray()) {
            return List.of();
        }
        List<GoSchema> out = new ArrayList<>();
        for (int i = 0; i < node.size(); i++) {
            out.add(new GoSchema(node.get(i), pointer + "/" + i, registry));
        }
        return List.copyOf(out);
    }

    private static Integer readInt(JsonNode node) {
        return node == null || !node.isNumber() ? null : node.intValue();
    }

    private static BigDecimal readNumber(JsonNode node) {
        return node == null || !node.isNumber() ? null : node.decimalValue();
    }
}
