package io.github.compose4j.stack;

import io.github.compose4j.error.ComposeException;
import io.github.compose4j.error.Failure;
import io.github.compose4j.model.FileObject;
import io.github.compose4j.model.Project;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;

/** Reads the content of a project's secrets and configs (a file, an environment variable or inline text). */
public final class StackFiles {
    private StackFiles() {
    }

    public static Map<String, byte[]> read(Project project, Map<String, FileObject> objects, String what) {
        Map<String, byte[]> out = new TreeMap<>();
        objects.forEach((key, o) -> {
            if (o.external() || !o.driver().isEmpty()) {
                return;
            }
            if (!o.file().isEmpty()) {
                try {
                    out.put(key, Files.readAllBytes(Path.of(o.file())));
                } catch (IOException e) {
                    throw new ComposeException(Failure.GENERAL, what + " " + key + ": " + e.getMessage());
                }
            } else if (!o.environment().isEmpty()) {
                out.put(key, project.environment().getOrDefault(o.environment(), "").getBytes(StandardCharsets.UTF_8));
            } else {
                out.put(key, o.content().getBytes(StandardCharsets.UTF_8));
            }
        });
        return out;
    }
}
