package io.github.compose4j.model.codec;

import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Build step helper: compiles a text into a class whose {@code text()} returns it. Data the CLI needs at every
 * start (indexes written from annotations, the compose schema) is read from a class rather than a resource: the
 * first resource read from the application jar opens the jar a second time through a URL connection, which cost a
 * short command about a tenth of its run.
 */
public final class TextClasses {
    private TextClasses() {
    }

    /** Writes {@code className} (a class with {@code static String text()}) into {@code classesDir}. */
    public static void write(Path classesDir, String className, String text) {
        int dot = className.lastIndexOf('.');
        String source = "package " + className.substring(0, dot) + ";\n\n"
                + "/** Generated at build time; see " + TextClasses.class.getName() + ". */\n"
                + "final class " + className.substring(dot + 1) + " {\n"
                + "    private " + className.substring(dot + 1) + "() {\n    }\n\n"
                + "    static String text() {\n        return " + literal(text) + ";\n    }\n}\n";
        try {
            Path dir = Files.createTempDirectory("c4j-text");
            Path file = dir.resolve(className.substring(dot + 1) + ".java");
            Files.writeString(file, source, StandardCharsets.UTF_8);
            JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
            if (javac == null) {
                throw new IllegalStateException("a JDK is needed to build compose4j (no Java compiler found)");
            }
            int code = javac.run(null, null, null, "--release", "17", "-encoding", "UTF-8", "-d", classesDir.toString(),
                    "-cp", classesDir.toString(), file.toString());
            if (code != 0) {
                throw new IllegalStateException("cannot compile " + className);
            }
            Files.delete(file);
            Files.delete(dir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A Java string literal of {@code text}: no unicode escape that javac would read as a line break or quote. */
    static String literal(String text) {
        StringBuilder b = new StringBuilder(text.length() + 16).append('"');
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '"' -> b.append("\\\"");
                case '\\' -> b.append("\\\\");
                case '\n' -> b.append("\\n");
                case '\t' -> b.append("\\t");
                case '\r' -> b.append("\\r");
                default -> {
                    if (c < 0x20) {
                        b.append(String.format("\\%03o", (int) c));
                    } else if (c > 0x7e) {
                        b.append(String.format("\\u%04x", (int) c));
                    } else {
                        b.append(c);
                    }
                }
            }
        }
        return b.append('"').toString();
    }
}
