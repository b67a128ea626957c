package io.github.compose4j.junit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** From {@code @Compose} to a stack definition: names, environment, files. */
class StackDefinitionTest {
    @Compose(files = {"a.yaml", "b.yaml"}, env = {"TAG=1.2", "EMPTY="}, inheritEnv = false, profiles = "debug")
    static class FilesAndEnv {
    }

    @Compose(yaml = "services: {}", projectName = "orders", reuse = true, lifecycle = Lifecycle.SHARED)
    static class Named {
    }

    @Compose
    static class Nothing {
    }

    private static StackDefinition of(Class<?> c, Map<String, String> env) {
        return StackDefinition.of(c.getAnnotation(Compose.class), c, env, Path.of("/work/m"));
    }

    @Test
    void filesAreResolvedAgainstTheWorkingDirectory() {
        StackDefinition d = of(FilesAndEnv.class, Map.of());

        assertThat(d.source().files()).containsExactly(Path.of("/work/m/a.yaml"), Path.of("/work/m/b.yaml"));
        assertThat(d.source().profiles()).containsExactly("debug");
    }

    @Test
    void envEntriesReplaceTheProcessEnvironmentUnlessInherited() {
        StackDefinition d = of(FilesAndEnv.class, Map.of("HOME", "/root"));

        assertThat(d.source().env()).isEqualTo(Map.of("TAG", "1.2", "EMPTY", ""));
    }

    @Test
    void theBaseNameIsTheClassNameInLowerCaseByDefault() {
        assertThat(of(FilesAndEnv.class, Map.of()).baseName()).isEqualTo("filesandenv");
        assertThat(of(Named.class, Map.of()).baseName()).isEqualTo("orders");
    }

    @Test
    void sharedStacksOfTheSameInputsHaveTheSameKey() {
        assertThat(of(Named.class, Map.of()).sharedKey()).isEqualTo(of(Named.class, Map.of()).sharedKey());
        assertThat(of(Named.class, Map.of()).sharedKey()).isNotEqualTo(of(FilesAndEnv.class, Map.of()).sharedKey());
    }

    @Test
    void aStackNeedsFilesOrYaml() {
        assertThatThrownBy(() -> of(Nothing.class, Map.of())).hasMessageContaining("names no files and no yaml");
    }

    @Test
    void namesAreNormalizedLikeCompose() {
        assertThat(StackDefinition.normalize("_My.Test$Inner")).isEqualTo("mytestinner");
        assertThat(StackDefinition.normalize("$$")).isEqualTo("compose4j");
    }
}
