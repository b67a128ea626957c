package io.github.compose4j.load.schema;

/**
 * The bundled compose schema as text. This placeholder (empty: the schema is read from its resource) is replaced at
 * build time by the class {@link SchemaTextWriter} compiles.
 */
final class SchemaText {
    private SchemaText() {
    }

    static String text() {
        return "";
    }
}
