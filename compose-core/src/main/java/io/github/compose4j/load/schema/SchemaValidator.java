package io.github.compose4j.load.schema;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.ExecutionContext;
import com.networknt.schema.Format;
import com.networknt.schema.JsonMetaSchema;
import com.networknt.schema.JsonNodePath;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.NonValidationKeyword;
import com.networknt.schema.PathType;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.ValidationContext;
import com.networknt.schema.ValidationMessage;
import io.github.compose4j.error.ComposeException;
import io.github.compose4j.error.Failure;
import io.github.compose4j.load.tree.MapNode;
import io.github.compose4j.load.tree.Mark;
import io.github.compose4j.load.tree.GoFormat;
import io.github.compose4j.load.tree.Node;
import io.github.compose4j.load.tree.ScalarNode;
import io.github.compose4j.load.tree.SeqNode;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Validates a raw compose tree against the compose-spec JSON schema, failing with the message Compose
 * prints ({@code validating <file>: services.app.image must be a string}), prefixed with the position
 * of the offending node, or of the offending key for "Additional property x is not allowed".
 *
 * <p>networknt's validator decides whether the tree is valid. Only when it is not, the tree is walked
 * again by {@link GoEvaluator}, which reproduces gojsonschema's error list so that the error Compose
 * would pick, and its wording, can be reproduced too.
 */
public final class SchemaValidator {
    static final String SCHEMA_RESOURCE = "/io/github/compose4j/schema/compose-spec.json";

    private final JsonSchema jsonSchema;
    private final GoSchema goSchema;

    private SchemaValidator(JsonNode schemaDocument) {
        this.goSchema = GoSchema.compile(schemaDocument);
        this.jsonSchema = networknt(schemaDocument);
    }

    /** The validator for the bundled compose-spec.json, loaded on first use. Thread-safe. */
    public static SchemaValidator get() {
        return Holder.INSTANCE;
    }

    /** A validator for another schema document (tests, or a newer compose-spec). */
    static SchemaValidator of(JsonNode schemaDocument) {
        return new SchemaValidator(schemaDocument);
    }

    /** Validates the tree, naming the file its root mark comes from in the message. */
    public void validate(MapNode root) {
        validate(root, root.mark().file());
    }

    /**
     * Validates the tree; {@code fileName} is the file Compose names in "validating <file>: ..."
     * (the file being loaded, whose content has been merged into {@code root}).
     *
     * @throws ComposeException ({@link Failure#COMPOSE_PARSE}) when the tree does not match the schema
     */
    public void validate(MapNode root, String fileName) {
        JsonConversion.Converted converted = JsonConversion.convert(root);
        if (converted.unsupported() != null) {
            // Compose fails to encode the tree to JSON before validating it.
            ScalarNode bad = converted.unsupported();
            throw fail(bad.mark(), fileName, "json: unsupported value: " + GoFormat.sprint(bad.value()));
        }
        Set<ValidationMessage> messages = jsonSchema.validate(converted.json());
        if (messages.isEmpty()) {
            return;
        }
        GoEvaluator.Result result = GoEvaluator.validate(goSchema, root);
        if (!result.valid()) {
            ComposeMessage message = ComposeMessage.select(result.errors);
            throw fail(markOf(root, message.described()), fileName, message.text());
        }
        // The two validators disagree: report networknt's first error in Compose's shape.
        ValidationMessage first = messages.stream()
                .min(Comparator.comparing((ValidationMessage m) -> m.getInstanceLocation().toString()))
                .orElseThrow();
        List<String> segments = segments(first.getInstanceLocation());
        String field = segments.isEmpty() ? "(root)" : String.join(".", segments);
        Node node = locate(root, segments);
        throw fail(node != null ? node.mark() : root.mark(), fileName, field + " " + first.getError());
    }

    private static ComposeException fail(Mark mark, String fileName, String composeMessage) {
        return new ComposeException(Failure.COMPOSE_PARSE, mark.prefix("validating " + fileName + ": " + composeMessage));
    }

    /** Where an error points: the key for an unexpected property, else the node at the error's path. */
    static Mark markOf(MapNode root, GoError error) {
        Node node = locate(root, error.path().segments());
        if (node == null) {
            return root.mark();
        }
        if (error.type() == GoErrorType.ADDITIONAL_PROPERTY && node instanceof MapNode map) {
            return map.keyMark(error.details().get("property"));
        }
        return node.mark();
    }

    static Node locate(MapNode root, List<String> segments) {
        Node node = root;
        for (String segment : segments) {
            if (node instanceof MapNode map) {
                node = map.get(segment);
            } else if (node instanceof SeqNode seq) {
                int index;
                try {
                    index = Integer.parseInt(segment);
                } catch (NumberFormatException e) {
                    return null;
                }
                node = index >= 0 && index < seq.size() ? seq.get(index) : null;
            } else {
                return null;
            }
            if (node == null) {
                return null;
            }
        }
        return node;
    }

    private static List<String> segments(JsonNodePath path) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < path.getNameCount(); i++) {
            out.add(path.getName(i));
        }
        return out;
    }

    private static final class Holder {
        static final SchemaValidator INSTANCE = new SchemaValidator(readBundledSchema());
    }

    private static JsonNode readBundledSchema() {
        try (InputStream in = SchemaValidator.class.getResourceAsStream(SCHEMA_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + SCHEMA_RESOURCE);
            }
            return new ObjectMapper().readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * networknt with draft-07 rules, which match gojsonschema's where the compose-spec relies on them
     * ({@code $ref} hides its siblings, {@code id} is not an identifier), and Go's regular expressions.
     * The document's own {@code $schema} and {@code $id} are dropped and loading any resource fails,
     * so nothing is ever fetched.
     */
    private static JsonSchema networknt(JsonNode schemaDocument) {
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
                    throw new IllegalStateException("compose4j loads no schema resources: " + iri);
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
