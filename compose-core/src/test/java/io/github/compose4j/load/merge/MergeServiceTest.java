package io.github.compose4j.load.merge;

import static io.github.compose4j.load.merge.Trees.map;
import static io.github.compose4j.load.merge.Trees.override;
import static io.github.compose4j.load.merge.Trees.plain;
import static io.github.compose4j.load.merge.Trees.reset;
import static io.github.compose4j.load.merge.Trees.seq;
import static io.github.compose4j.load.merge.Trees.untagged;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.compose4j.load.tree.MapNode;
import org.junit.jupiter.api.Test;

/** {@code extends}: the local service merged onto the service it extends, with the file-merge rules. */
class MergeServiceTest {

    private static void assertExtended(MapNode base, MapNode local, MapNode expected) {
        MapNode merged = Merger.mergeService(base, local);
        assertThat(plain(merged)).isEqualTo(plain(expected));
        assertThat(untagged(merged)).isTrue();
    }

    @Test
    void localResetsRemoveInheritedAttributes() {
        assertExtended(
                map("image", "alpine", "ports", seq("80:80"), "environment", map("A", "1", "B", "2")),
                map("extends", "base", "ports", reset(seq()), "environment", map("A", reset(null))),
                map("image", "alpine", "extends", "base", "environment", seq("B=2")));
    }

    @Test
    void resetOfAnInheritedCommand() {
        assertExtended(
                map("image", "alpine:latest", "command", "sleep infinity"),
                map("extends", map("service", "init"), "command", reset(null)),
                map("image", "alpine:latest", "extends", map("service", "init")));
    }

    @Test
    void commandsAreReplacedListsAppendedMountsMerged() {
        MapNode merged = Merger.enforceUnicity(Trees.service("x", Merger.mergeService(
                map("image", "alpine", "command", seq("base"), "entrypoint", "/entry", "dns", seq("1.1.1.1"),
                        "volumes", seq("./a:/a", "./b:/b"),
                        "healthcheck", map("test", seq("CMD", "base"), "interval", "5s")),
                map("extends", "base", "command", "child", "dns", seq("8.8.8.8"), "volumes", seq("./c:/b"),
                        "healthcheck", map("test", seq("CMD", "child"))))));
        assertThat(plain(merged)).isEqualTo(plain(Trees.service("x", map("image", "alpine", "command", "child",
                "entrypoint", "/entry", "dns", seq("1.1.1.1", "8.8.8.8"), "volumes", seq("./a:/a", "./c:/b"),
                "healthcheck", map("test", seq("CMD", "child"), "interval", "5s"), "extends", "base"))));
    }

    @Test
    void rawBaseFromTheSameFileMergesAcrossForms() {
        assertExtended(
                map("image", "a", "depends_on", seq("db"), "networks", seq("front"), "build", "./src"),
                map("depends_on", map("db", map("condition", "service_healthy")), "networks", map("back", null),
                        "build", map("target", "dev")),
                map("image", "a",
                        "depends_on", map("db", map("condition", "service_healthy", "required", true)),
                        "networks", map("front", null, "back", null),
                        "build", map("context", "./src", "target", "dev")));
    }

    @Test
    void baseTagsAreResolvedLikeADecodedDocument() {
        assertExtended(
                map("image", "a", "labels", reset(seq("x=1")), "ports", override(seq("80:80"))),
                map("ports", seq("81:81")),
                map("image", "a", "ports", seq("80:80", "81:81")));
    }

    @Test
    void localOverrideReplacesTheInheritedValue() {
        assertExtended(
                map("image", "a", "environment", map("A", "1")),
                map("environment", override(map("B", "2"))),
                map("image", "a", "environment", map("B", "2")));
    }

    @Test
    void tagsResolvedAtParseTimeStillReachTheExtendedService() {
        MapNode base = map("image", "alpine", "ports", seq("80:80"), "environment", map("A", "1", "B", "2"));
        MapNode doc = map("services", map("base", base,
                "child", map("extends", "base", "ports", reset(seq()), "environment", map("A", reset(null))),
                "gone", reset(map("image", "x"))));
        TaggedPaths tagged = TaggedPaths.of(doc);
        MapNode resolved = Merger.applyResets(doc);
        MapNode services = (MapNode) resolved.get("services");
        assertThat(services.has("gone")).isFalse();

        MapNode child = Merger.mergeService(base, (MapNode) services.get("child"), tagged.inService("child"));
        assertThat(plain(child.without("extends"))).isEqualTo(plain(map("image", "alpine", "environment", seq("B=2"))));
        assertThat(tagged.inService("base").isEmpty()).isTrue();
    }

    @Test
    void extendedFilesOwnTaggedPathsAlsoApply() {
        // common.yml: web {image: x, ports: !override ["80:80"]}; compose.yaml: web extends common.yml's web.
        // docker compose drops the ports: the extended file's !override path is applied to the base again.
        MapNode common = map("services", map("web", map("image", "x", "ports", override(seq("80:80")))));
        TaggedPaths commonTagged = TaggedPaths.of(common);
        MapNode loadedBase = (MapNode) ((MapNode) Merger.applyResets(common).get("services")).get("web");
        MapNode local = map("extends", map("file", "common.yml", "service", "web"));
        TaggedPaths localTagged = TaggedPaths.of(map("services", map("web", local)));

        MapNode web = Merger.mergeService(loadedBase, local,
                localTagged.inService("web").and(commonTagged.inService("web")));
        assertThat(plain(web.without("extends"))).isEqualTo(plain(map("image", "x")));
    }
}
