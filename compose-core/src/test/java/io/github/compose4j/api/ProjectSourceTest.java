package io.github.compose4j.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.compose4j.model.Project;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Loading from inline YAML with the caller's environment, profiles and name; nothing read from the process. */
class ProjectSourceTest {
    private static final String YAML = """
            services:
              app:
                image: "busybox:${TAG:-stable}"
              debug:
                image: busybox:latest
                profiles: [debug]
            """;

    @Test
    void interpolatesWithTheGivenEnvironmentOnly() {
        Project p = ProjectSource.yaml(YAML, Path.of("/tmp/demo")).withEnv(Map.of("TAG", "1.36"))
                .withProjectName("demo").load(m -> { });

        assertThat(p.services().get("app").image()).contains("busybox:1.36");
    }

    @Test
    void profilesEnableTheirServices() {
        Project without = ProjectSource.yaml(YAML, Path.of("/tmp/demo")).withProjectName("demo").load(m -> { });
        Project with = ProjectSource.yaml(YAML, Path.of("/tmp/demo")).withProjectName("demo").withProfiles("debug")
                .load(m -> { });

        assertThat(without.services()).containsOnlyKeys("app");
        assertThat(with.services()).containsOnlyKeys("app", "debug");
    }

    @Test
    void theProjectNameDefaultsToTheWorkingDirectorysName() {
        assertThat(ProjectSource.yaml(YAML, Path.of("/tmp/orders")).load(m -> { }).name()).isEqualTo("orders");
    }

    @Test
    void aSourceNeedsFilesOrYaml() {
        assertThatThrownBy(() -> new ProjectSource(java.util.List.of(), java.util.Optional.empty(), Map.of(),
                java.util.List.of(), java.util.Optional.empty(), Path.of("/")))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
