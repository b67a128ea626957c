package io.github.compose4j.testing;

import io.github.compose4j.load.LoadOptions;
import io.github.compose4j.load.ProjectLoader;
import io.github.compose4j.load.ProjectRequest;
import io.github.compose4j.model.Project;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Projects for tests, loaded from inline YAML through the real loader. */
public final class Projects {
    private Projects() {
    }

    /** Loads {@code yaml} as the compose.yaml of a fresh directory, as project {@code name}. */
    public static Project load(String name, String yaml) {
        try {
            Path dir = Files.createTempDirectory("compose4j-test");
            Files.writeString(dir.resolve("compose.yaml"), yaml);
            ProjectRequest request = new ProjectRequest(List.of(), Optional.of(name), Optional.empty(), List.of(),
                    List.of(), dir, Map.of(), Optional.empty(), () -> "");
            return new ProjectLoader(request, m -> { }).load(LoadOptions.DEFAULT, List.of());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
