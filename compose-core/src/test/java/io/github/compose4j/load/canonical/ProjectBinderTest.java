package io.github.compose4j.load.canonical;

import io.github.compose4j.model.Project;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static io.github.compose4j.testing.TestTrees.yaml;
import static org.assertj.core.api.Assertions.assertThat;

class ProjectBinderTest {
    private static Project bind(String text) {
        return ProjectBinder.bind(yaml(text), "proj", Path.of("/p"), List.of("/p/compose.yaml"), Map.of("A", "1"));
    }

    @Test
    void projectCarriesItsContext() {
        Project p = bind("services:\n  web:\n    image: x\n");
        assertThat(p.name()).isEqualTo("proj");
        assertThat(p.workingDir()).isEqualTo(Path.of("/p"));
        assertThat(p.composeFiles()).containsExactly("/p/compose.yaml");
        assertThat(p.environment()).containsEntry("A", "1");
        assertThat(p.services()).containsOnlyKeys("web");
    }

    @Test
    void nullResourcesBindToZeroValues() {
        Project p = bind("volumes:\n  data:\nnetworks:\n  n:\nsecrets:\n  s:\n");
        assertThat(p.volumes().get("data").name()).isEmpty();
        assertThat(p.networks().get("n").name()).isEmpty();
        assertThat(p.secrets().get("s").file()).isEmpty();
    }

    @Test
    void secretValueReadFromTheEnvironmentBecomesItsContent() {
        Project p = bind("secrets:\n  s:\n    environment: TOKEN\n    " + EnvironmentReferences.SECRET_VALUE_KEY + ": s3cret\n");
        assertThat(p.secrets().get("s").content()).isEqualTo("s3cret");
        assertThat(p.secrets().get("s").extensions().isEmpty()).isTrue();
    }

    @Test
    void topLevelExtensionsAreKept() {
        assertThat(bind("x-common: {a: 1}\nservices: {}\n").extensions().values()).containsEntry("x-common", Map.of("a", 1L));
    }
}
