package io.github.compose4j.load.merge;

import static io.github.compose4j.load.merge.Trees.map;
import static io.github.compose4j.load.merge.Trees.seq;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.compose4j.load.tree.MapNode;
import org.junit.jupiter.api.Test;

/** Merge results on a large project (its speed is measured by bench/config-bench.sh, not here). */
class MergeLargeProjectTest {

    private static MapNode project(int services, String tag) {
        MapNode.Builder s = MapNode.builder(io.github.compose4j.load.tree.Mark.NONE);
        for (int i = 0; i < services; i++) {
            s.put("svc" + i, map("image", "img:" + tag,
                    "environment", map("A", tag, "B" + i, "x"),
                    "ports", seq((8000 + i) + ":80", "9000:" + i),
                    "volumes", seq("./a" + i + ":/a", "data:/data"),
                    "labels", seq("l=" + tag),
                    "depends_on", seq("svc" + Math.max(0, i - 1)),
                    "deploy", map("resources", map("limits", map("memory", "1G")))));
        }
        return map("services", s.build());
    }

    @Test
    void twoThousandServicesMergeServiceByService() {
        MapNode base = project(2000, "base");
        MapNode override = project(2000, "over");
        MapNode merged = Merger.enforceUnicity(Merger.merge(Merger.enforceUnicity(Merger.applyResets(base)), override));
        MapNode last = (MapNode) ((MapNode) merged.get("services")).get("svc1999");
        assertThat(Trees.plain(last.get("volumes"))).isEqualTo(Trees.plain(seq("./a1999:/a", "data:/data")));
        assertThat(Trees.plain(last.get("labels"))).isEqualTo(Trees.plain(seq("l=over")));
    }
}
