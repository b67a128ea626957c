package io.github.compose4j.load.yaml;

import static io.github.compose4j.load.yaml.Yaml.at;
import static io.github.compose4j.load.yaml.Yaml.doc;
import static io.github.compose4j.load.yaml.Yaml.error;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.compose4j.load.tree.MapNode;
import io.github.compose4j.load.tree.ScalarNode;
import io.github.compose4j.load.tree.Tag;
import org.junit.jupiter.api.Test;

/** Merge keys as go-yaml v3 applies them (conformance cases yaml-merge-key, yaml-merge-list, ...). */
class MergeKeyTest {

    private static Object value(MapNode m, String path) {
        return ((ScalarNode) at(m, path)).value();
    }

    @Test
    void singleAliasMergesAndExplicitKeysWin() {
        MapNode m = doc("""
                x-common: &common
                  image: alpine
                  restart: always
                  environment:
                    SHARED: "1"
                services:
                  a:
                    <<: *common
                    environment:
                      OWN: "a"
                  b:
                    restart: "no"
                    <<: *common
                """);
        assertThat(value(m, "services.a.image")).isEqualTo("alpine");
        assertThat(((MapNode) at(m, "services.a.environment")).keys()).containsExactly("OWN");
        assertThat(value(m, "services.b.restart")).isEqualTo("no");
        assertThat(((MapNode) at(m, "services.b")).keys()).containsExactlyInAnyOrder("restart", "image",
                "environment");
    }

    @Test
    void earlierAliasesInAListWin() {
        MapNode m = doc("""
                x-a: &a {image: alpine, user: a}
                x-b: &b {user: b, working_dir: /b}
                services:
                  app:
                    <<: [*a, *b]
                    hostname: app
                """);
        assertThat(value(m, "services.app.user")).isEqualTo("a");
        assertThat(value(m, "services.app.working_dir")).isEqualTo("/b");
        assertThat(value(m, "services.app.hostname")).isEqualTo("app");
    }

    @Test
    void inlineMappingsAndNestedMergesWork() {
        MapNode m = doc("""
                x-base: &base {a: 1, b: 1}
                x-mid: &mid {<<: *base, b: 2, c: 2}
                v: {<<: [*mid, {d: 4, a: 9}], c: 3}
                """);
        assertThat(value(m, "v.a")).isEqualTo(1L);
        assertThat(value(m, "v.b")).isEqualTo(2L);
        assertThat(value(m, "v.c")).isEqualTo(3L);
        assertThat(value(m, "v.d")).isEqualTo(4L);
    }

    @Test
    void mergeReplacesWholeValuesWithoutDeepMerging() {
        // yaml-anchor-override-nested: the explicit options mapping replaces the merged one.
        MapNode m = doc("""
                x-logging: &logging
                  driver: json-file
                  options:
                    max-size: "10m"
                b:
                  <<: *logging
                  options:
                    max-file: "3"
                """);
        assertThat(((MapNode) at(m, "b.options")).keys()).containsExactly("max-file");
        assertThat(value(m, "b.driver")).isEqualTo("json-file");
    }

    @Test
    void mergedKeysAreTheTextOfTheSourceKeys() {
        // go-yaml decodes a merge source into the parent's map[string]interface{}: keys keep their
        // text, and null keys are dropped.
        MapNode m = doc("v: {<<: {a: 1, 80: 2, ~: 3, true: 4, 0x10: 5}, b: 2}\n");
        assertThat(m.get("v")).isInstanceOf(MapNode.class);
        assertThat(((MapNode) m.get("v")).keys()).containsExactlyInAnyOrder("a", "80", "true", "0x10", "b");
    }

    @Test
    void onlyAPlainOrMergeTaggedKeyIsAMergeKey() {
        assertThat(((MapNode) doc("v: {\"<<\": {a: 1}, b: 2}\n").get("v")).keys()).containsExactly("<<", "b");
        assertThat(((MapNode) doc("v: {!!merge <<: {a: 1}, b: 2}\n").get("v")).keys())
                .containsExactlyInAnyOrder("a", "b");
    }

    @Test
    void mergeValuesMustBeMappings() {
        String expected = "yaml: map merge requires map or sequence of maps as the value";
        assertThat(error("x-s: &s hello\nv: {<<: *s}\n").getMessage()).isEqualTo("compose.yaml:2:9: " + expected);
        assertThat(error("v: {<<: [{a: 1}, hello]}\n").getMessage()).isEqualTo("compose.yaml:1:18: " + expected);
        assertThat(error("v: {<<: 1}\n").getMessage()).endsWith(expected);
    }

    @Test
    void twoMergeKeysAreDuplicates() {
        assertThat(error("v: {<<: {a: 1}, <<: {b: 1}}\n").getMessage())
                .isEqualTo("compose.yaml:1:17: yaml: mapping key \"<<\" already defined at line 1");
    }

    @Test
    void anExplicitResetDoesNotHideAMergedValueButOverridesIt() {
        // compose-go removes `p: !reset` before decoding, so the merged p comes in, and records the path.
        MapNode m = doc("x-b: &b {p: 1}\nv: {<<: *b, p: !reset 2}\n");
        assertThat(value(m, "v.p")).isEqualTo(1L);
        assertThat(at(m, "v.p").tag()).isEqualTo(Tag.OVERRIDE);
    }

    @Test
    void mergedOverrideTagsComeAlong() {
        MapNode m = doc("x-b: &b {ports: !override [1]}\nv: {<<: *b}\nw: {<<: *b, ports: [2]}\n");
        assertThat(at(m, "v.ports").tag()).isEqualTo(Tag.OVERRIDE);
        // The shadowed !override still made compose-go record the path: the explicit value overrides.
        assertThat(at(m, "w.ports").tag()).isEqualTo(Tag.OVERRIDE);
    }
}
