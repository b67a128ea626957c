package io.github.compose4j.load.schema;

import io.github.compose4j.model.codec.TextClasses;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * Build step (run by Maven after compiling): compiles the bundled compose schema into {@link SchemaText}, so that
 * loading reads no resource from the jar. Usage: {@code SchemaTextWriter CLASSES_DIR}.
 */
public final class SchemaTextWriter {
    private SchemaTextWriter() {
    }

    public static void main(String[] args) throws IOException {
        try (InputStream in = SchemaTextWriter.class.getResourceAsStream(SchemaValidator.SCHEMA_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + SchemaValidator.SCHEMA_RESOURCE);
            }
            TextClasses.write(Path.of(args[0]), SchemaTextWriter.class.getPackageName() + ".SchemaText",
                    new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
    }
}
