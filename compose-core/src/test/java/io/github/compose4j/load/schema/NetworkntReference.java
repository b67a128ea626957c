package io.github.compose4j.load.schema;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.ExecutionContext;
import com.networknt.schema.Format;
import com.networknt.schema.JsonMetaSchema;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.NonValidationKeyword;
import com.networknt.schema.PathType;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.ValidationContext;
import io.github.compose4j.load.tree.MapNode;
import io.github.compose4j.load.tree.Node;
import io.github.compose4j.load.tree.ScalarNode;
import io.github.compose4j.load.tree.SeqNode;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Test-only: an independent validity check of raw trees, by networknt's json-schema-validator (draft-07
 * rules, Go's regular expressions, Compose's formats), on a Jackson copy of the tree made as Compose
 * encodes its tree to JSON ({@code 1.0} is written {@code 1}). Trees holding NaN or infinite floats
 * cannot be encoded and are not accepted here.
 */
final class NetworkntReference {
    private static final JsonNodeFactory FACTORY = JsonNodeFactory.instance;

    private final JsonSchema schema;

    private NetworkntReference(JsonNode schemaDocument) {
        this.schema = compile(schemaDocument);
    }

    static NetworkntReference bundled() {
        try (InputStream in = NetworkntReference.class.getResourceAsStream(SchemaValidator.SCHEMA_RESOURCE)) {
            return new NetworkntReference(new ObjectMapper().readTree(in));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static NetworkntReference of(String schemaJson) {
        try {
            return new NetworkntReference(new ObjectMapper().readTree(schemaJson));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    boolean valid(Node document) {
        return schema.validate(toJson(document)).isEmpty();
    }

    private static JsonSchema compile(JsonNode schemaDocument) {
        ObjectNode document = schemaDocument.deepCopy();
        // No meta-schema lookup, and no base IRI for a relative "$id" (that networknt rejects) to resolve against.
        document.remove(List.of("$schema", "$id"));
        JsonMetaSchema draft7 = JsonMetaSchema.getV7();
        JsonMetaSchema meta = JsonMetaSchema.builder(draft7.getIri(), draft7)
                // networknt 1.5.9 maps "id" to a keyword without validator in every dialect but draft-04.
                .keyword(new NonValidationKeyword("id"))
                .formats(formats -> {
                    formats.clear();
                    formats.put(Formats.DURATION, new SpecFormat(Formats.DURATION));
                    formats.put(Formats.PORTS, new SpecFormat(Formats.PORTS));
                    formats.put(Formats.EXPOSE, new SpecFormat(Formats.EXPOSE));
                })
                .build();
        JsonSchemaFactory factory = JsonSchemaFactory.builder()
                .defaultMetaSchemaIri(meta.getIri())
                .metaSchema(meta)
                .schemaLoaders(loaders -> loaders.add(iri -> {
                    throw new IllegalStateException("no schema resources in tests: " + iri);
                }))
                .build();
        SchemaValidatorsConfig config = SchemaValidatorsConfig.builder()
                .pathType(PathType.JSON_POINTER)
                .formatAssertionsEnabled(true)
                .locale(Locale.ROOT)
                .regularExpressionFactory(regex -> {
                    Pattern pattern = GoRegex.compile(regex);
                    return value -> pattern.matcher(value).find();
                })
                .build();
        return factory.getSchema(document, config);
    }

    private static JsonNode toJson(Node node) {
        if (node instanceof MapNode map) {
            ObjectNode object = FACTORY.objectNode();
            for (int i = 0; i < map.size(); i++) {
                object.set(map.keyAt(i), toJson(map.valueAt(i)));
            }
            return object;
        }
        if (node instanceof SeqNode seq) {
            ArrayNode array = FACTORY.arrayNode(seq.size());
            for (Node item : seq.items()) {
                array.add(toJson(item));
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
            return integer(l);
        }
        double d = (Double) v;
        if (Double.isNaN(d) || Double.isInfinite(d)) {
            throw new IllegalArgumentException("JSON cannot encode " + d);
        }
        if (d == Math.rint(d)) {
            if (Math.abs(d) < 0x1p63) {
                return integer((long) d);
            }
            return FACTORY.numberNode(new BigDecimal(d).toBigInteger());
        }
        return FACTORY.numberNode(d);
    }

    /** An integer as Jackson reads it from JSON text, so that {@code const} and {@code enum} compare equal. */
    private static JsonNode integer(long l) {
        return l == (int) l ? FACTORY.numberNode((int) l) : FACTORY.numberNode(l);
    }

    /** A {@code format} checked as Compose checks it (see {@link Formats}). */
    private record SpecFormat(String name) implements Format {
        @Override
        public String getName() {
            return name;
        }

        @Override
        public boolean matches(ExecutionContext executionContext, ValidationContext validationContext, JsonNode value) {
            if (value.isTextual()) {
                return Formats.accepts(name, value.textValue());
            }
            return !value.isNumber() || Formats.acceptsNumber(name);
        }
    }
}
