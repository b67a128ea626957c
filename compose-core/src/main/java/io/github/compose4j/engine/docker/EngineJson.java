package io.github.compose4j.engine.docker;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;

/**
 * The JSON codec of the Engine API calls sent through the transport: Jackson's tree nodes, read and written with
 * jackson-core's streaming parser and generator. No {@code ObjectMapper}: setting one up loads and initialises
 * several hundred classes, which cost a short-lived command more than all its daemon calls together. The output is
 * the one an unconfigured {@code ObjectMapper} produces (fields in insertion order, the same escaping).
 */
final class EngineJson {
    static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final JsonFactory FACTORY = new JsonFactory();

    private EngineJson() {
    }

    /** The tree of a JSON document; {@link MissingNode} when there is none (an empty body). */
    static JsonNode read(byte[] json) throws IOException {
        try (JsonParser parser = FACTORY.createParser(json)) {
            return readDocument(parser);
        }
    }

    static JsonNode read(String json) throws IOException {
        try (JsonParser parser = FACTORY.createParser(json)) {
            return readDocument(parser);
        }
    }

    /** Reads the JSON values of a stream (the engine's event stream: values one after another) one at a time. */
    static Values values(java.io.InputStream in) throws IOException {
        return new Values(FACTORY.createParser(in));
    }

    /** A stream of JSON values, read on demand. */
    static final class Values implements java.io.Closeable {
        private final JsonParser parser;

        private Values(JsonParser parser) {
            this.parser = parser;
        }

        /** The next value, waiting for it; null at the end of the stream. */
        JsonNode next() throws IOException {
            JsonToken t = parser.nextToken();
            return t == null ? null : readValue(parser, t);
        }

        @Override
        public void close() throws IOException {
            parser.close();
        }
    }

    /** UTF-8 JSON of a tree. */
    static byte[] write(JsonNode node) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(256);
        try (JsonGenerator gen = FACTORY.createGenerator(out)) {
            write(gen, node);
        } catch (IOException e) {
            throw new UncheckedIOException(e); // in-memory: not expected
        }
        return out.toByteArray();
    }

    /** Indented JSON of a tree, for people and golden files. */
    static String writePretty(JsonNode node) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(256);
        try (JsonGenerator gen = FACTORY.createGenerator(out)) {
            gen.useDefaultPrettyPrinter();
            write(gen, node);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString(java.nio.charset.StandardCharsets.UTF_8);
    }

    static String writeString(JsonNode node) {
        return new String(write(node), java.nio.charset.StandardCharsets.UTF_8);
    }

    private static JsonNode readDocument(JsonParser parser) throws IOException {
        JsonToken first = parser.nextToken();
        return first == null ? MissingNode.getInstance() : readValue(parser, first);
    }

    private static JsonNode readValue(JsonParser p, JsonToken token) throws IOException {
        switch (token) {
            case START_OBJECT -> {
                ObjectNode object = NODES.objectNode();
                for (JsonToken t = p.nextToken(); t != JsonToken.END_OBJECT; t = p.nextToken()) {
                    String name = p.currentName();
                    object.set(name, readValue(p, p.nextToken())); // a repeated key: the last one wins
                }
                return object;
            }
            case START_ARRAY -> {
                ArrayNode array = NODES.arrayNode();
                for (JsonToken t = p.nextToken(); t != JsonToken.END_ARRAY; t = p.nextToken()) {
                    array.add(readValue(p, t));
                }
                return array;
            }
            case VALUE_STRING -> {
                return NODES.textNode(p.getText());
            }
            case VALUE_NUMBER_INT -> {
                return switch (p.getNumberType()) {
                    case INT -> NODES.numberNode(p.getIntValue());
                    case LONG -> NODES.numberNode(p.getLongValue());
                    default -> NODES.numberNode(p.getBigIntegerValue());
                };
            }
            case VALUE_NUMBER_FLOAT -> {
                return NODES.numberNode(p.getDoubleValue());
            }
            case VALUE_TRUE -> {
                return NODES.booleanNode(true);
            }
            case VALUE_FALSE -> {
                return NODES.booleanNode(false);
            }
            case VALUE_NULL -> {
                return NODES.nullNode();
            }
            default -> throw new IOException("unexpected JSON token " + token);
        }
    }

    private static void write(JsonGenerator gen, JsonNode node) throws IOException {
        switch (node.getNodeType()) {
            case OBJECT -> {
                gen.writeStartObject();
                for (Map.Entry<String, JsonNode> field : node.properties()) {
                    gen.writeFieldName(field.getKey());
                    write(gen, field.getValue());
                }
                gen.writeEndObject();
            }
            case ARRAY -> {
                gen.writeStartArray();
                for (JsonNode element : node) {
                    write(gen, element);
                }
                gen.writeEndArray();
            }
            case STRING -> gen.writeString(node.textValue());
            case NUMBER -> {
                switch (node.numberType()) {
                    case INT -> gen.writeNumber(node.intValue());
                    case LONG -> gen.writeNumber(node.longValue());
                    case BIG_INTEGER -> gen.writeNumber(node.bigIntegerValue());
                    case FLOAT -> gen.writeNumber(node.floatValue());
                    case DOUBLE -> gen.writeNumber(node.doubleValue());
                    default -> gen.writeNumber(node.decimalValue());
                }
            }
            case BOOLEAN -> gen.writeBoolean(node.booleanValue());
            case NULL -> gen.writeNull();
            case BINARY -> gen.writeBinary(node.binaryValue());
            default -> throw new IllegalArgumentException("cannot write a " + node.getNodeType() + " JSON node");
        }
    }
}
