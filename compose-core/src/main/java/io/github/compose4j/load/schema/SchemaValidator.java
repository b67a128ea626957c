package io.github.compose4j.load.schema;

import io.github.compose4j.error.ComposeException;
import io.github.compose4j.error.Failure;
import io.github.compose4j.load.tree.GoFormat;
import io.github.compose4j.load.tree.MapNode;
import io.github.compose4j.load.tree.Mark;
import io.github.compose4j.load.tree.Node;
import io.github.compose4j.load.tree.ScalarNode;
import io.github.compose4j.load.tree.SeqNode;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.TreeMap;

/**
 * Validates a raw compose tree against the compose-spec JSON schema, failing with the message Compose
 * prints ({@code validating <file>: services.app.image must be a string}), prefixed with the position
 * of the offending node, or of the offending key for "Additional property x is not allowed".
 *
 * <p>The tree is walked as is, against a schema compiled once ({@link GoSchema}): {@link ValidityCheck}
 * decides whether it is valid without allocating; only when it is not, {@link GoEvaluator} walks it
 * again to rebuild gojsonschema's error list, from which the error Compose would pick, and its
 * wording, are reproduced. The schema is read by {@link JsonReader}: no JSON library is loaded.
 */
public final class SchemaValidator {
    static final String SCHEMA_RESOURCE = "/io/github/compose4j/schema/compose-spec.json";

    private final GoSchema schema;

    private SchemaValidator(GoSchema schema) {
        this.schema = schema;
    }

    /** The validator for the bundled compose-spec.json, loaded on first use. Thread-safe. */
    public static SchemaValidator get() {
        return Holder.INSTANCE;
    }

    /** A validator for another schema document, given as JSON text (tests, or a newer compose-spec). */
    static SchemaValidator of(String schemaJson) {
        return new SchemaValidator(GoSchema.compile(JsonReader.read(schemaJson)));
    }

    GoSchema schema() {
        return schema;
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
        if (ValidityCheck.valid(schema, root)) {
            return;
        }
        if (!ValidityCheck.encodable(root)) {
            // Compose fails to encode the tree to JSON before validating it.
            ScalarNode bad = firstUnencodable(root);
            throw fail(bad.mark(), fileName, "json: unsupported value: " + GoFormat.sprint(bad.value()));
        }
        GoEvaluator.Result result = GoEvaluator.validate(schema, root);
        if (result.valid()) {
            throw new IllegalStateException("schema checks disagree on " + fileName);
        }
        ComposeMessage message = ComposeMessage.select(result.errors);
        throw fail(markOf(root, message.described()), fileName, message.text());
    }

    private static ComposeException fail(Mark mark, String fileName, String composeMessage) {
        return new ComposeException(Failure.COMPOSE_PARSE, mark.prefix("validating " + fileName + ": " + composeMessage));
    }

    /** The float Go's encoder stops at: it walks mappings in sorted key order. */
    private static ScalarNode firstUnencodable(Node node) {
        if (node instanceof MapNode map) {
            for (Node child : new TreeMap<>(map.entries()).values()) {
                ScalarNode found = firstUnencodable(child);
                if (found != null) {
                    return found;
                }
            }
            return null;
        }
        if (node instanceof SeqNode seq) {
            for (Node item : seq.items()) {
                ScalarNode found = firstUnencodable(item);
                if (found != null) {
                    return found;
                }
            }
            return null;
        }
        ScalarNode scalar = (ScalarNode) node;
        return scalar.value() instanceof Double d && (d.isNaN() || d.isInfinite()) ? scalar : null;
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

    private static final class Holder {
        static final SchemaValidator INSTANCE = new SchemaValidator(GoSchema.compile(JsonReader.read(readBundledSchema())));
    }

    /** The schema compiled into {@link SchemaText} at build time, else the bundled resource (a build without that step). */
    private static String readBundledSchema() {
        String compiled = SchemaText.text();
        if (!compiled.isEmpty()) {
            return compiled;
        }
        try (InputStream in = SchemaValidator.class.getResourceAsStream(SCHEMA_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + SCHEMA_RESOURCE);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
