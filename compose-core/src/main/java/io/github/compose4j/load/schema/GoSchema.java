package io.github.compose4j.load.schema;

import io.github.compose4j.load.tree.MapNode;
import io.github.compose4j.load.tree.Node;
import io.github.compose4j.load.tree.ScalarNode;
import io.github.compose4j.load.tree.SeqNode;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One (sub)schema, compiled with the keywords and quirks of gojsonschema v1.2.0, the library Compose
 * validates with: {@code $ref} hides its siblings, {@code id} is ignored, {@code type} lists keep their
 * order for the "Expected: [a,b]" wording. Everything validation needs is precomputed here (type
 * masks, pattern matchers, resolved {@code $ref}s, enum members), so that walking a document allocates
 * nothing.
 */
final class GoSchema {
    static final int NULL = 1;
    static final int BOOLEAN = 2;
    static final int INTEGER = 4;
    static final int NUMBER = 8;
    static final int STRING = 16;
    static final int ARRAY = 32;
    static final int OBJECT = 64;

    private static final GoSchema[] NONE = new GoSchema[0];
    private static final String[] NO_STRINGS = new String[0];
    private static final GoPattern[] NO_PATTERNS = new GoPattern[0];

    final Boolean pass;
    /** The JSON pointer of a {@code $ref} ({@code /definitions/service}), or null. */
    final String ref;
    /** What {@link #ref} points to, linked once the whole document is compiled. */
    GoSchema refTarget;
    /** The kinds {@code type} accepts (an integer is also a number), or 0 when the schema is untyped. */
    final int typeMask;
    final String typesText;
    final Map<String, GoSchema> properties;
    final GoPattern[] patternKeys;
    final GoSchema[] patternSchemas;
    /** {@code additionalProperties: false}. */
    final boolean noAdditionalProperties;
    /** {@code additionalProperties} as a schema, or null. */
    final GoSchema additionalProperties;
    final String[] required;
    /** Canonical JSON of each allowed value, also what the enum error message lists. */
    final List<String> enumValues;
    /** The string members of the enum, to check a string without writing it as JSON. */
    final Set<String> enumStrings;
    final String constValue;
    final GoSchema items;
    final GoSchema[] tupleItems;
    final boolean noAdditionalItems;
    final GoSchema additionalItems;
    final int minItems;
    final int maxItems;
    final boolean uniqueItems;
    final int minProperties;
    final int maxProperties;
    final int minLength;
    final int maxLength;
    final GoPattern pattern;
    final String format;
    final BigDecimal multipleOf;
    final BigDecimal minimum;
    final BigDecimal maximum;
    final BigDecimal exclusiveMinimum;
    final BigDecimal exclusiveMaximum;
    /** Whether any numeric keyword is present (else numbers need no conversion). */
    final boolean checksNumbers;
    final GoSchema[] anyOf;
    final GoSchema[] oneOf;
    final GoSchema[] allOf;
    final GoSchema not;
    final GoSchema propertyNames;
    final GoSchema contains;
    /** Property name to the names it requires ({@code String[]}) or the schema it imposes ({@link GoSchema}). */
    final Map<String, Object> dependencies;
    final GoSchema ifSchema;
    final GoSchema thenSchema;
    final GoSchema elseSchema;
    /** Whether the schema has any combinator, to skip that step for most nodes. */
    final boolean combines;
    /** Whether {@code enum} or {@code const} constrain the value. */
    final boolean checksValue;

    /**
     * Compiles a schema document; {@code $ref}s must be local JSON pointers ({@code #/definitions/x}).
     * Only the subschemas reachable from the root are compiled.
     */
    static GoSchema compile(Node document) {
        Compiler compiler = new Compiler(document);
        GoSchema root = compiler.schema(document);
        compiler.linkRefs();
        return root;
    }

    /**
     * Compiles each schema node once (subschemas shared through {@code $ref} stay shared), then links
     * the {@code $ref}s by walking the document along their pointers.
     */
    private static final class Compiler {
        private final Node document;
        private final Map<Node, GoSchema> compiled = new IdentityHashMap<>();
        private final List<GoSchema> withRef = new ArrayList<>();

        Compiler(Node document) {
            this.document = document;
        }

        GoSchema schema(Node node) {
            GoSchema schema = compiled.get(node);
            if (schema == null) {
                schema = new GoSchema(node, this);
                compiled.put(node, schema);
                if (schema.ref != null) {
                    withRef.add(schema);
                }
            }
            return schema;
        }

        void linkRefs() {
            // Linking may compile new subschemas, with refs of their own: index, not iterator.
            for (int i = 0; i < withRef.size(); i++) {
                GoSchema schema = withRef.get(i);
                schema.refTarget = schema(resolve(schema.ref));
            }
            for (GoSchema schema : withRef) {
                GoSchema target = schema;
                for (int hops = 0; target.refTarget != null; hops++) {
                    if (hops > withRef.size()) {
                        throw new IllegalArgumentException("$ref cycle through #".concat(schema.ref));
                    }
                    target = target.refTarget;
                }
            }
        }

        private Node resolve(String pointer) {
            Node node = document;
            int at = 0;
            while (node != null && at < pointer.length()) {
                if (pointer.charAt(at) != '/') {
                    throw new IllegalArgumentException("bad JSON pointer #".concat(pointer));
                }
                int end = pointer.indexOf('/', at + 1);
                if (end < 0) {
                    end = pointer.length();
                }
                String token = unescape(pointer.substring(at + 1, end));
                if (node instanceof MapNode map) {
                    node = map.get(token);
                } else if (node instanceof SeqNode seq && isIndex(token) && Integer.parseInt(token) < seq.size()) {
                    node = seq.get(Integer.parseInt(token));
                } else {
                    node = null;
                }
                at = end;
            }
            if (node == null) {
                throw new IllegalArgumentException("unresolvable $ref #".concat(pointer));
            }
            return node;
        }

        private static String unescape(String token) {
            return token.indexOf('~') < 0 ? token : token.replace("~1", "/").replace("~0", "~");
        }

        private static boolean isIndex(String token) {
            if (token.isEmpty() || token.length() > 9) {
                return false;
            }
            for (int i = 0; i < token.length(); i++) {
                if (token.charAt(i) < '0' || token.charAt(i) > '9') {
                    return false;
                }
            }
            return true;
        }
    }

    // The keywords, read in one pass over a schema object.
    private static final int REF = 0;
    private static final int TYPE = 1;
    private static final int PROPERTIES = 2;
    private static final int PATTERN_PROPERTIES = 3;
    private static final int ADDITIONAL_PROPERTIES = 4;
    private static final int REQUIRED = 5;
    private static final int ENUM = 6;
    private static final int CONST = 7;
    private static final int ITEMS = 8;
    private static final int ADDITIONAL_ITEMS = 9;
    private static final int MIN_ITEMS = 10;
    private static final int MAX_ITEMS = 11;
    private static final int UNIQUE_ITEMS = 12;
    private static final int MIN_PROPERTIES = 13;
    private static final int MAX_PROPERTIES = 14;
    private static final int MIN_LENGTH = 15;
    private static final int MAX_LENGTH = 16;
    private static final int PATTERN = 17;
    private static final int FORMAT = 18;
    private static final int MULTIPLE_OF = 19;
    private static final int MINIMUM = 20;
    private static final int MAXIMUM = 21;
    private static final int EXCLUSIVE_MINIMUM = 22;
    private static final int EXCLUSIVE_MAXIMUM = 23;
    private static final int ANY_OF = 24;
    private static final int ONE_OF = 25;
    private static final int ALL_OF = 26;
    private static final int NOT = 27;
    private static final int PROPERTY_NAMES = 28;
    private static final int CONTAINS = 29;
    private static final int DEPENDENCIES = 30;
    private static final int IF = 31;
    private static final int THEN = 32;
    private static final int ELSE = 33;
    private static final int KEYWORDS = 34;

    private static int keyword(String key) {
        return switch (key) {
            case "$ref" -> REF;
            case "type" -> TYPE;
            case "properties" -> PROPERTIES;
            case "patternProperties" -> PATTERN_PROPERTIES;
            case "additionalProperties" -> ADDITIONAL_PROPERTIES;
            case "required" -> REQUIRED;
            case "enum" -> ENUM;
            case "const" -> CONST;
            case "items" -> ITEMS;
            case "additionalItems" -> ADDITIONAL_ITEMS;
            case "minItems" -> MIN_ITEMS;
            case "maxItems" -> MAX_ITEMS;
            case "uniqueItems" -> UNIQUE_ITEMS;
            case "minProperties" -> MIN_PROPERTIES;
            case "maxProperties" -> MAX_PROPERTIES;
            case "minLength" -> MIN_LENGTH;
            case "maxLength" -> MAX_LENGTH;
            case "pattern" -> PATTERN;
            case "format" -> FORMAT;
            case "multipleOf" -> MULTIPLE_OF;
            case "minimum" -> MINIMUM;
            case "maximum" -> MAXIMUM;
            case "exclusiveMinimum" -> EXCLUSIVE_MINIMUM;
            case "exclusiveMaximum" -> EXCLUSIVE_MAXIMUM;
            case "anyOf" -> ANY_OF;
            case "oneOf" -> ONE_OF;
            case "allOf" -> ALL_OF;
            case "not" -> NOT;
            case "propertyNames" -> PROPERTY_NAMES;
            case "contains" -> CONTAINS;
            case "dependencies" -> DEPENDENCIES;
            case "if" -> IF;
            case "then" -> THEN;
            case "else" -> ELSE;
            default -> -1; // annotations (description, default...), definitions, unsupported keywords
        };
    }

    private GoSchema(Node node, Compiler compiler) {
        if (node instanceof ScalarNode scalar && scalar.value() instanceof Boolean b) {
            pass = b;
            ref = null;
            typeMask = 0;
            typesText = "";
            properties = Map.of();
            patternKeys = NO_PATTERNS;
            patternSchemas = NONE;
            noAdditionalProperties = false;
            additionalProperties = null;
            required = NO_STRINGS;
            enumValues = List.of();
            enumStrings = Set.of();
            constValue = null;
            items = null;
            tupleItems = NONE;
            noAdditionalItems = false;
            additionalItems = null;
            minItems = maxItems = minProperties = maxProperties = minLength = maxLength = -1;
            uniqueItems = false;
            pattern = null;
            format = null;
            multipleOf = minimum = maximum = exclusiveMinimum = exclusiveMaximum = null;
            checksNumbers = false;
            anyOf = oneOf = allOf = NONE;
            not = propertyNames = contains = ifSchema = thenSchema = elseSchema = null;
            dependencies = Map.of();
            combines = false;
            checksValue = false;
            return;
        }
        if (!(node instanceof MapNode map)) {
            throw new IllegalArgumentException("a schema must be an object or a boolean, not " + node);
        }
        Node[] kw = new Node[KEYWORDS];
        for (int i = 0; i < map.size(); i++) {
            int k = keyword(map.keyAt(i));
            if (k >= 0) {
                kw[k] = map.valueAt(i);
            }
        }
        pass = null;
        ref = kw[REF] != null ? pointerOf(text(kw[REF])) : null;
        List<String> types = readTypes(kw[TYPE]);
        typeMask = maskOf(types);
        typesText = typesText(types);
        properties = readProperties(kw[PROPERTIES], compiler);
        if (kw[PATTERN_PROPERTIES] instanceof MapNode pp) {
            patternKeys = new GoPattern[pp.size()];
            patternSchemas = new GoSchema[pp.size()];
            for (int i = 0; i < pp.size(); i++) {
                patternKeys[i] = GoPattern.of(pp.keyAt(i));
                patternSchemas[i] = compiler.schema(pp.valueAt(i));
            }
        } else {
            patternKeys = NO_PATTERNS;
            patternSchemas = NONE;
        }
        noAdditionalProperties = isFalse(kw[ADDITIONAL_PROPERTIES]);
        additionalProperties = isSchema(kw[ADDITIONAL_PROPERTIES]) ? compiler.schema(kw[ADDITIONAL_PROPERTIES]) : null;
        required = readStrings(kw[REQUIRED]);
        enumValues = readEnum(kw[ENUM]);
        enumStrings = readEnumStrings(kw[ENUM]);
        constValue = kw[CONST] != null ? GoJson.canonical(kw[CONST]) : null;
        if (kw[ITEMS] instanceof SeqNode tuple) {
            items = null;
            tupleItems = readList(tuple, compiler);
        } else {
            items = kw[ITEMS] != null ? compiler.schema(kw[ITEMS]) : null;
            tupleItems = NONE;
        }
        noAdditionalItems = isFalse(kw[ADDITIONAL_ITEMS]);
        additionalItems = isSchema(kw[ADDITIONAL_ITEMS]) ? compiler.schema(kw[ADDITIONAL_ITEMS]) : null;
        minItems = readInt(kw[MIN_ITEMS]);
        maxItems = readInt(kw[MAX_ITEMS]);
        uniqueItems = kw[UNIQUE_ITEMS] instanceof ScalarNode u && Boolean.TRUE.equals(u.value());
        minProperties = readInt(kw[MIN_PROPERTIES]);
        maxProperties = readInt(kw[MAX_PROPERTIES]);
        minLength = readInt(kw[MIN_LENGTH]);
        maxLength = readInt(kw[MAX_LENGTH]);
        pattern = kw[PATTERN] != null ? GoPattern.of(text(kw[PATTERN])) : null;
        format = kw[FORMAT] != null ? text(kw[FORMAT]) : null;
        multipleOf = readNumber(kw[MULTIPLE_OF]);
        minimum = readNumber(kw[MINIMUM]);
        maximum = readNumber(kw[MAXIMUM]);
        exclusiveMinimum = readNumber(kw[EXCLUSIVE_MINIMUM]);
        exclusiveMaximum = readNumber(kw[EXCLUSIVE_MAXIMUM]);
        checksNumbers = multipleOf != null || minimum != null || maximum != null || exclusiveMinimum != null
                || exclusiveMaximum != null || format != null;
        anyOf = readList(kw[ANY_OF], compiler);
        oneOf = readList(kw[ONE_OF], compiler);
        allOf = readList(kw[ALL_OF], compiler);
        not = kw[NOT] != null ? compiler.schema(kw[NOT]) : null;
        propertyNames = kw[PROPERTY_NAMES] != null ? compiler.schema(kw[PROPERTY_NAMES]) : null;
        contains = kw[CONTAINS] != null ? compiler.schema(kw[CONTAINS]) : null;
        dependencies = readDependencies(kw[DEPENDENCIES], compiler);
        ifSchema = kw[IF] != null ? compiler.schema(kw[IF]) : null;
        thenSchema = kw[THEN] != null ? compiler.schema(kw[THEN]) : null;
        elseSchema = kw[ELSE] != null ? compiler.schema(kw[ELSE]) : null;
        combines = anyOf.length > 0 || oneOf.length > 0 || allOf.length > 0 || not != null
                || !dependencies.isEmpty() || ifSchema != null;
        checksValue = constValue != null || !enumValues.isEmpty();
    }

    /** Whether {@code type} admits a value of this kind (one of the kind constants). */
    boolean admits(int kind) {
        return typeMask == 0 || (typeMask & kind) != 0;
    }

    /** The kind constant of a tree node, with integral floats counted as integers as Go's JSON round trip does. */
    static int kindOf(Node node) {
        if (node instanceof MapNode) {
            return OBJECT;
        }
        if (node instanceof SeqNode) {
            return ARRAY;
        }
        Object v = ((ScalarNode) node).value();
        if (v instanceof String) {
            return STRING;
        }
        if (v == null) {
            return NULL;
        }
        if (v instanceof Long) {
            return INTEGER;
        }
        if (v instanceof Boolean) {
            return BOOLEAN;
        }
        double d = (Double) v;
        return d == Math.rint(d) ? INTEGER : NUMBER;
    }

    /** gojsonschema's name for a kind, as its "given" detail shows it. */
    static String kindName(int kind) {
        return switch (kind) {
            case NULL -> "null";
            case BOOLEAN -> "boolean";
            case INTEGER -> "integer";
            case NUMBER -> "number";
            case STRING -> "string";
            case ARRAY -> "array";
            default -> "object";
        };
    }

    static BigDecimal decimal(ScalarNode node) {
        Object v = node.value();
        if (v instanceof Long l) {
            return BigDecimal.valueOf(l);
        }
        return new BigDecimal(Double.toString((Double) v));
    }

    private static int maskOf(List<String> types) {
        int mask = 0;
        for (String type : types) {
            mask |= switch (type) {
                case "null" -> NULL;
                case "boolean" -> BOOLEAN;
                case "integer" -> INTEGER;
                case "number" -> INTEGER | NUMBER;
                case "string" -> STRING;
                case "array" -> ARRAY;
                case "object" -> OBJECT;
                default -> throw new IllegalArgumentException("unknown type '" + type + "'");
            };
        }
        return mask;
    }

    private static boolean isFalse(Node node) {
        return node instanceof ScalarNode s && Boolean.FALSE.equals(s.value());
    }

    /** A subschema other than {@code true}/{@code false} (true allows anything, so is left out). */
    private static boolean isSchema(Node node) {
        return node instanceof MapNode;
    }

    private static String text(Node node) {
        if (node instanceof ScalarNode s && s.value() != null) {
            return s.text();
        }
        throw new IllegalArgumentException("expected a string in the schema, got " + node);
    }

    private static String pointerOf(String ref) {
        if (!ref.startsWith("#")) {
            throw new IllegalArgumentException("only local $ref are supported: " + ref);
        }
        return ref.substring(1);
    }

    /** gojsonschema's rendering of the expected types: {@code string}, or {@code [string,number]}. */
    private static String typesText(List<String> types) {
        if (types.size() == 1) {
            return types.get(0);
        }
        StringBuilder sb = new StringBuilder().append('[');
        for (int i = 0; i < types.size(); i++) {
            if (i > 0) {
                sb.append(',');
            }
            sb.append(types.get(i));
        }
        return sb.append(']').toString();
    }

    private static List<String> readTypes(Node node) {
        if (node == null) {
            return List.of();
        }
        if (node instanceof ScalarNode) {
            return List.of(text(node));
        }
        return List.of(readStrings(node));
    }

    private static String[] readStrings(Node node) {
        if (!(node instanceof SeqNode seq)) {
            return NO_STRINGS;
        }
        String[] out = new String[seq.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = text(seq.get(i));
        }
        return out;
    }

    private static List<String> readEnum(Node node) {
        if (!(node instanceof SeqNode seq)) {
            return List.of();
        }
        List<String> out = new ArrayList<>(seq.size());
        for (Node value : seq.items()) {
            out.add(GoJson.canonical(value));
        }
        return List.copyOf(out);
    }

    private static Set<String> readEnumStrings(Node node) {
        if (!(node instanceof SeqNode seq)) {
            return Set.of();
        }
        Set<String> out = new HashSet<>();
        for (Node value : seq.items()) {
            if (value instanceof ScalarNode s && s.value() instanceof String text) {
                out.add(text);
            }
        }
        return out;
    }

    private static Map<String, GoSchema> readProperties(Node node, Compiler compiler) {
        if (!(node instanceof MapNode map)) {
            return Map.of();
        }
        Map<String, GoSchema> out = new HashMap<>(map.size() * 2);
        for (int i = 0; i < map.size(); i++) {
            out.put(map.keyAt(i), compiler.schema(map.valueAt(i)));
        }
        return out;
    }

    private static Map<String, Object> readDependencies(Node node, Compiler compiler) {
        if (!(node instanceof MapNode map)) {
            return Map.of();
        }
        Map<String, Object> out = new HashMap<>();
        for (int i = 0; i < map.size(); i++) {
            Node value = map.valueAt(i);
            out.put(map.keyAt(i), value instanceof SeqNode
                    ? readStrings(value)
                    : compiler.schema(value));
        }
        return out;
    }

    private static GoSchema[] readList(Node node, Compiler compiler) {
        if (!(node instanceof SeqNode seq)) {
            return NONE;
        }
        GoSchema[] out = new GoSchema[seq.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = compiler.schema(seq.get(i));
        }
        return out;
    }

    private static int readInt(Node node) {
        if (node instanceof ScalarNode s) {
            if (s.value() instanceof Long l) {
                return (int) Math.max(0, Math.min(Integer.MAX_VALUE, l));
            }
            if (s.value() instanceof Double d) {
                return (int) Math.max(0, Math.min(Integer.MAX_VALUE, d));
            }
        }
        return -1;
    }

    private static BigDecimal readNumber(Node node) {
        if (node instanceof ScalarNode s && (s.value() instanceof Long || s.value() instanceof Double)) {
            return decimal(s);
        }
        return null;
    }
}
