package io.github.compose4j.load.merge;

import static io.github.compose4j.load.merge.Trees.map;
import static io.github.compose4j.load.merge.Trees.override;
import static io.github.compose4j.load.merge.Trees.plain;
import static io.github.compose4j.load.merge.Trees.reset;
import static io.github.compose4j.load.merge.Trees.seq;
import static io.github.compose4j.load.merge.Trees.service;
import static io.github.compose4j.load.merge.Trees.untagged;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.compose4j.load.tree.MapNode;
import org.junit.jupiter.api.Test;

/** {@code !reset} and {@code !override} in a merged document, and in a single (first) document. */
class ResetOverrideTest {

    private static void assertMerged(MapNode base, MapNode override, MapNode expected) {
        MapNode merged = Merger.enforceUnicity(Merger.merge(base, override));
        assertThat(plain(merged)).isEqualTo(plain(expected));
        assertThat(untagged(merged)).isTrue();
    }

    @Test
    void resetRemovesAttributesOfAnyKind() {
        assertMerged(
                service("app", map("image", "myapp", "ports", seq("8080:80"), "environment", map("FOO", "BAR", "KEEP", "k"),
                        "labels", seq("a=b"), "command", "echo hello")),
                service("app", map("ports", reset(seq()), "environment", map("FOO", reset(null)),
                        "labels", reset(map()), "command", reset(null))),
                service("app", map("image", "myapp", "environment", seq("KEEP=k"))));
    }

    @Test
    void resetRemovesAWholeService() {
        assertMerged(
                map("services", map("app", map("image", "myapp"), "db", map("image", "postgres"))),
                map("services", map("db", reset(map()))),
                map("services", map("app", map("image", "myapp"))));
    }

    @Test
    void resetOfAKeyOnlyReachesABaseMapping() {
        // Compose deletes by path through mappings: a KEY=VALUE list in the base keeps FOO.
        assertMerged(
                service("app", map("environment", seq("FOO=1", "B=2"))),
                service("app", map("environment", map("FOO", reset(null), "C", 3))),
                service("app", map("environment", seq("FOO=1", "B=2", "C=3"))));
    }

    @Test
    void resetItemOfASequenceOnlyDropsItFromTheOverride() {
        assertMerged(
                service("app", map("ports", seq("80:80", "82:82"))),
                service("app", map("ports", seq("81:81", reset("82:82")))),
                service("app", map("ports", seq("80:80", "82:82", "81:81"))));
    }

    @Test
    void overrideReplacesInsteadOfMerging() {
        assertMerged(
                service("app", map("image", "myapp", "ports", seq("8080:80"), "environment", map("A", "1", "B", "2"),
                        "depends_on", map("db", map("condition", "service_started", "required", true)))),
                service("app", map("ports", override(seq("8443:443")), "environment", override(map("C", "3")),
                        "depends_on", override(seq("other_db")))),
                service("app", map("image", "myapp", "ports", seq("8443:443"), "environment", map("C", "3"),
                        "depends_on", seq("other_db"))));
    }

    @Test
    void overrideOfAMappingEntryReplacesThatEntry() {
        assertMerged(
                service("app", map("labels", map("l", "1", "m", "2"))),
                service("app", map("labels", map("l", override("2")))),
                service("app", map("labels", seq("m=2", "l=2"))));
    }

    @Test
    void tagsBelowAnOverrideAreNotResolved() {
        assertMerged(
                service("app", map("environment", map("A", "1", "B", "2"))),
                service("app", map("environment", override(map("A", reset("null"), "C", override("5"))))),
                service("app", map("environment", map("A", "null", "C", "5"))));
    }

    @Test
    void resetOfAnAbsentKeyIsHarmless() {
        assertMerged(
                service("app", map("image", "a")),
                service("app", map("environment", map("FOO", reset(null)), "ports", reset(seq()))),
                service("app", map("image", "a", "environment", map())));
    }

    @Test
    void firstDocumentDropsResetNodesAndKeepsOverrideNodes() {
        MapNode doc = service("app", map("image", "alpine", "ports", override(seq("80:80")),
                "environment", reset(map()), "labels", map("a", reset("b"), "c", "d"), "dns", seq("1.1.1.1", reset("x"))));
        MapNode expected = service("app", map("image", "alpine", "ports", seq("80:80"), "labels", map("c", "d"),
                "dns", seq("1.1.1.1")));
        MapNode resolved = Merger.applyResets(doc);
        assertThat(plain(resolved)).isEqualTo(plain(expected));
        assertThat(untagged(resolved)).isTrue();
        assertThat(plain(Merger.merge(MapNode.empty(doc.mark()), doc))).isEqualTo(plain(expected));
    }

    @Test
    void untaggedDocumentIsReturnedAsIs() {
        MapNode doc = service("app", map("image", "alpine", "ports", seq("80:80")));
        assertThat(Merger.applyResets(doc)).isSameAs(doc);
    }

    @Test
    void taggedPathsCollectedBeforeExtendsStillApplyToEarlierFiles() {
        // file 1: web {FOO, KEEP, ports 80}; file 2: web extends base, FOO: !reset, ports: !override [82]
        MapNode file1 = service("web", map("image", "a", "environment", map("FOO", "1", "KEEP", "k"),
                "ports", seq("80:80")));
        MapNode baseService = map("image", "b", "environment", map("FOO", "base", "BAR", "2"), "ports", seq("81:81"));
        MapNode web = map("extends", "base", "environment", map("FOO", reset(null)), "ports", override(seq("82:82")));
        MapNode file2 = map("services", map("base", baseService, "web", web));

        TaggedPaths tagged = TaggedPaths.of(file2);
        MapNode extended = Merger.mergeService(baseService, web).without("extends");
        MapNode file2AfterExtends = map("services", map("base", baseService, "web", extended));
        MapNode merged = Merger.enforceUnicity(Merger.merge(file1, file2AfterExtends, tagged));

        assertThat(plain(((MapNode) merged.get("services")).get("web"))).isEqualTo(plain(
                map("image", "b", "environment", seq("KEEP=k", "BAR=2"), "ports", seq("82:82"))));
        assertThat(tagged.isEmpty()).isFalse();
        assertThat(TaggedPaths.of(file1).isEmpty()).isTrue();
    }

    @Test
    void aKeyLiterallyNamedStarMatchesAnyKeyAsInCompose() {
        assertMerged(
                map("services", map("a", map("image", "x", "user", "u"), "b", map("image", "y"))),
                map("services", map("*", map("image", reset(null)))),
                map("services", map("a", map("user", "u"), "b", map(), "*", map())));
    }
}
