package io.github.compose4j.load.yaml;

import static io.github.compose4j.load.yaml.Yaml.at;
import static io.github.compose4j.load.yaml.Yaml.doc;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.compose4j.load.tree.MapNode;
import io.github.compose4j.load.tree.ScalarNode;
import io.github.compose4j.load.tree.SeqNode;
import org.junit.jupiter.api.Test;

/** Aliases are resolved by value (conformance case yaml-anchors). */
class AnchorsTest {

    @Test
    void scalarsMappingsAndSequencesAreCopied() {
        MapNode m = doc("""
                x-image: &img alpine:3.19
                x-env: &env
                  A: "1"
                services:
                  one:
                    image: *img
                    environment: *env
                  two:
                    command: &cmd ["echo", "hi"]
                  three:
                    command: *cmd
                """);
        assertThat(((ScalarNode) at(m, "services.one.image")).value()).isEqualTo("alpine:3.19");
        assertThat(at(m, "services.one.environment")).isEqualTo(at(m, "x-env"));
        assertThat(((SeqNode) at(m, "services.three.command")).items()).extracting("value")
                .containsExactly("echo", "hi");
    }

    @Test
    void anAliasUsesTheLatestDefinitionBeforeIt() {
        MapNode m = doc("a: &x 1\nb: *x\nc: &x 2\nd: *x\n");
        assertThat(((ScalarNode) m.get("b")).value()).isEqualTo(1L);
        assertThat(((ScalarNode) m.get("d")).value()).isEqualTo(2L);
    }

    @Test
    void aliasedScalarsResolveLikeTheOriginal() {
        MapNode m = doc("a: &x 0777\nb: *x\nc: &y '0777'\nd: *y\n");
        assertThat(((ScalarNode) m.get("b")).value()).isEqualTo(511L);
        assertThat(((ScalarNode) m.get("d")).value()).isEqualTo("0777");
    }

    @Test
    void aliasKeysUseTheAnchoredText() {
        MapNode m = doc("k: &k name\nv: {*k : 1}\n");
        assertThat(((MapNode) m.get("v")).keys()).containsExactly("name");
    }
}
