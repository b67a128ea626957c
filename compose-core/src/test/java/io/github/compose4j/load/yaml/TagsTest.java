package io.github.compose4j.load.yaml;

import static io.github.compose4j.load.yaml.Yaml.at;
import static io.github.compose4j.load.yaml.Yaml.doc;
import static io.github.compose4j.load.yaml.Yaml.error;
import static io.github.compose4j.load.yaml.Yaml.scalar;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.compose4j.load.tree.MapNode;
import io.github.compose4j.load.tree.Node;
import io.github.compose4j.load.tree.ScalarNode;
import io.github.compose4j.load.tree.SeqNode;
import io.github.compose4j.load.tree.Tag;
import org.junit.jupiter.api.Test;

class TagsTest {

    @Test
    void standardTagsApplyAsInGoYaml() {
        assertThat(scalar("!!str 123")).isEqualTo("123");
        assertThat(scalar("!!int \"12\"")).isEqualTo(12L); // a tag beats quotes
        assertThat(scalar("!!int 0x_1f")).isEqualTo(31L);
        assertThat(scalar("!!float 1")).isEqualTo(1.0);
        assertThat(scalar("!!bool \"true\"")).isEqualTo(true);
        assertThat(scalar("!!null \"\"")).isNull();
        assertThat(scalar("!!null ~")).isNull();
        assertThat(scalar("!!binary aGVsbG8=")).isEqualTo("hello");
        assertThat(scalar("!!timestamp 2001-12-14")).isEqualTo("2001-12-14 00:00:00 +0000 UTC");
        assertThat(scalar("!<tag:yaml.org,2002:int> 7")).isEqualTo(7L);
        assertThat(scalar("! 123")).isEqualTo(123L); // the non-specific tag is no tag for go-yaml
    }

    @Test
    void standardTagsThatDoNotFitAreErrors() {
        assertThat(error("v: !!int foo\n").getMessage())
                .isEqualTo("compose.yaml:1:4: yaml: cannot decode !!str `foo` as a !!int");
        assertThat(error("v: !!bool yes\n").getMessage()).endsWith("cannot decode !!str `yes` as a !!bool");
        assertThat(error("v: !!int 1.5\n").getMessage()).endsWith("cannot decode !!float `1.5` as a !!int");
        assertThat(error("v: !!int\n").getMessage()).endsWith("cannot decode !!null `` as a !!int");
        assertThat(error("v: !!float 18446744073709551615\n").getMessage())
                .endsWith("cannot decode !!int `18446744073709551615` as a !!float");
        assertThat(error("v: !!binary \"!!!\"\n").getMessage())
                .isEqualTo("compose.yaml:1:4: yaml: !!binary value contains invalid base64 data");
        assertThat(error("v: !!timestamp foo\n").exitCode()).isEqualTo(15);
    }

    @Test
    void unknownTagsMakeScalarsStringsAndAreIgnoredOnCollections() {
        // go-yaml returns the text of a scalar with a tag it cannot resolve.
        assertThat(scalar("!custom 12")).isEqualTo("12");
        assertThat(scalar("!custom true")).isEqualTo("true");
        assertThat(scalar("!custom")).isEqualTo("");
        assertThat(scalar("!!map foo")).isEqualTo("foo");
        MapNode m = doc("a: !foo {b: 1}\nc: !!str [1]\n");
        assertThat(at(m, "a.b")).isEqualTo(new ScalarNode(1L, at(m, "a.b").mark()));
        assertThat(at(m, "a").tag()).isEqualTo(Tag.NONE);
        assertThat(((SeqNode) at(m, "c")).items()).hasSize(1);
    }

    @Test
    void resetAndOverrideAreKeptAsTags() {
        MapNode m = doc("""
                services:
                  app:
                    image: alpine
                    ports: !override
                      - "80:80"
                    environment: !reset {}
                    command: !reset
                    dns: !override 8.8.8.8
                """);
        Node ports = at(m, "services.app.ports");
        assertThat(ports.tag()).isEqualTo(Tag.OVERRIDE);
        assertThat(((SeqNode) ports).items()).hasSize(1);
        assertThat(at(m, "services.app.environment").tag()).isEqualTo(Tag.RESET);
        assertThat(at(m, "services.app.environment")).isInstanceOf(MapNode.class);
        assertThat(at(m, "services.app.command").tag()).isEqualTo(Tag.RESET);
        assertThat(at(m, "services.app.image").tag()).isEqualTo(Tag.NONE);
        // Like any unresolvable tag, !override leaves the text of a scalar as is.
        assertThat(((ScalarNode) at(m, "services.app.dns")).value()).isEqualTo("8.8.8.8");
    }

    @Test
    void resetItemsInSequencesAreKeptForTheMergeStage() {
        SeqNode s = (SeqNode) doc("x: [1, !reset 2, 3]\n").get("x");
        assertThat(s.items()).extracting(Node::tag).containsExactly(Tag.NONE, Tag.RESET, Tag.NONE);
    }

    @Test
    void tagsInsideAnOverrideOrResetValueAreNotInterpreted() {
        // compose-go's reset pass stops at an !override node.
        MapNode m = doc("z: !override {a: !reset 1, b: !override 2}\n");
        assertThat(at(m, "z").tag()).isEqualTo(Tag.OVERRIDE);
        assertThat(at(m, "z.a").tag()).isEqualTo(Tag.NONE);
        assertThat(((ScalarNode) at(m, "z.a")).value()).isEqualTo("1");
        assertThat(at(m, "z.b").tag()).isEqualTo(Tag.NONE);
    }

    @Test
    void aResetNextToAValueForTheSameKeyOverridesIt() {
        // compose-go removes the !reset entry before go-yaml's duplicate check, and records the path.
        MapNode m = doc("x: {image: a, image: !reset b}\n");
        assertThat(at(m, "x.image").tag()).isEqualTo(Tag.OVERRIDE);
        assertThat(((ScalarNode) at(m, "x.image")).value()).isEqualTo("a");
    }

    @Test
    void aliasesCarryTheTagsOfTheirAnchor() {
        MapNode m = doc("""
                x-ports: &ports !override ["80:80"]
                services:
                  a:
                    ports: *ports
                """);
        assertThat(at(m, "services.a.ports").tag()).isEqualTo(Tag.OVERRIDE);
    }

    @Test
    void resetChildrenOfAnAnchorAreGoneWhereItIsReusedLater() {
        // compose-go removes them from the shared node the first time it walks it.
        MapNode m = doc("""
                x-a: &a {k: !reset v, j: 1}
                x-b: *a
                x-c: {<<: *a}
                """);
        assertThat(at(m, "x-a.k").tag()).isEqualTo(Tag.RESET);
        assertThat(((MapNode) at(m, "x-b")).keys()).containsExactly("j");
        assertThat(((MapNode) at(m, "x-c")).keys()).containsExactly("j");
    }

    @Test
    void theRootCannotBeReset() {
        assertThat(error("!reset {a: 1}\n").getMessage()).isEqualTo(
                "compose.yaml:1:1: yaml: !reset cannot be used on the document root");
        assertThat(doc("!override {a: 1}\n").tag()).isEqualTo(Tag.NONE);
    }
}
