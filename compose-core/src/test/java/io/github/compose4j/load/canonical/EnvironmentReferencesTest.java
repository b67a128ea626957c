package io.github.compose4j.load.canonical;

import io.github.compose4j.load.tree.MapNode;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static io.github.compose4j.testing.TestTrees.at;
import static io.github.compose4j.testing.TestTrees.yaml;
import static org.assertj.core.api.Assertions.assertThat;

class EnvironmentReferencesTest {
    private static final Map<String, String> ENV = Map.of("TOKEN", "s3cret", "EMPTY", "");

    private static MapNode resolve(String text) {
        return EnvironmentReferences.resolve(yaml(text), ENV);
    }

    @Test
    void environmentEntryWithoutValueTakesTheProjectEnvironment() {
        assertThat(at(resolve("services:\n  web:\n    environment: [TOKEN, EMPTY, OTHER, A=b]\n"), "services.web.environment"))
                .isEqualTo(List.of("TOKEN=s3cret", "EMPTY=", "OTHER", "A=b"));
    }

    @Test
    void environmentMappingIsLeftForLaterStages() {
        assertThat(at(resolve("services:\n  web:\n    environment:\n      TOKEN:\n"), "services.web.environment"))
                .isEqualTo(java.util.Collections.singletonMap("TOKEN", null));
    }

    @Test
    void secretFromEnvironmentCarriesItsValuePrivately() {
        MapNode root = resolve("secrets:\n  s:\n    environment: TOKEN\n");
        assertThat(at(root, "secrets.s." + EnvironmentReferences.SECRET_VALUE_KEY)).isEqualTo("s3cret");
        assertThat(at(root, "secrets.s.content")).isNull();
    }

    @Test
    void configFromEnvironmentGetsItsContent() {
        assertThat(at(resolve("configs:\n  c:\n    environment: TOKEN\n"), "configs.c.content")).isEqualTo("s3cret");
    }

    @Test
    void unknownVariableLeavesTheResourceAsWritten() {
        assertThat(at(resolve("configs:\n  c:\n    environment: NOPE\n"), "configs.c")).isEqualTo(Map.of("environment", "NOPE"));
    }
}
