package io.github.compose4j.model.codec;

import java.io.IOException;
import java.lang.reflect.RecordComponent;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

/**
 * Build step (run by Maven after compiling): compiles the {@link KeyIndex} of every record under the model package
 * of a classes directory. Usage: {@code KeyIndexWriter CLASSES_DIR}.
 */
public final class KeyIndexWriter {
    private KeyIndexWriter() {
    }

    public static void main(String[] args) throws IOException, ClassNotFoundException {
        Path classes = Path.of(args[0]);
        String modelPackage = "io.github.compose4j.model";
        Path root = classes.resolve(modelPackage.replace('.', '/'));
        List<String> names;
        try (Stream<Path> files = Files.walk(root)) {
            names = files.map(p -> classes.relativize(p).toString())
                    .filter(n -> n.endsWith(".class"))
                    .map(n -> n.substring(0, n.length() - ".class".length()).replace('/', '.'))
                    .sorted()
                    .toList();
        }
        List<String> lines = new ArrayList<>();
        for (String name : names) {
            Class<?> type = Class.forName(name, false, KeyIndexWriter.class.getClassLoader());
            if (!type.isRecord() || type.getRecordComponents().length == 0 || !annotated(type)) {
                continue;
            }
            lines.add(KeyIndex.line(type, Arrays.stream(type.getRecordComponents()).map(KeyIndex.Entry::of).toList()));
        }
        TextClasses.write(classes, KeyIndexWriter.class.getPackageName() + ".KeyIndexText", String.join("\n", lines) + "\n");
    }

    private static boolean annotated(Class<?> type) {
        for (RecordComponent rc : type.getRecordComponents()) {
            if (rc.getAnnotation(io.github.compose4j.model.Key.class) == null) {
                return false;
            }
        }
        return true;
    }
}
