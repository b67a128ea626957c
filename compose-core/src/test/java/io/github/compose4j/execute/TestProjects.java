package io.github.compose4j.execute;

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

/** Projects loaded from compose text, the way the CLI loads them. */
final class TestProjects {
    static final String VERSION = "2.26.1";
    static final String API_141 = "1.41";
    static final String API_144 = "1.44";

    private TestProjects() {
    }

    static Project load(Path dir, String name, String yaml) {
        return load(dir, name, yaml, Map.of());
    }

    static Project load(Path dir, String name, String yaml, Map<String, String> env) {
        try {
            Files.writeString(dir.resolve("compose.yaml"), yaml);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ProjectRequest request = new ProjectRequest(List.of(), Optional.of(name), Optional.empty(), List.of(),
                List.of(), dir, env, Optional.of("/root"), () -> "");
        return new ProjectLoader(request, w -> { }).load(LoadOptions.DEFAULT, List.of());
    }

    /** The create request of container 1 of a service for {@code up}. */
    static ContainerCreation create(Project p, String service, String apiVersion) {
        return create(p, service, apiVersion, ResolvedReferences.NONE);
    }

    static ContainerCreation create(Project p, String service, String apiVersion, ResolvedReferences refs) {
        var s = p.services().get(service);
        return ContainerSpecs.build(ContainerRequest.forUp(p, s, 1, ContainerNames.of(p.name(), s, 1), Map.of(),
                refs, apiVersion));
    }
}
