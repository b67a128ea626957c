package io.github.compose4j.load.merge;

import static io.github.compose4j.load.merge.Trees.at;
import static io.github.compose4j.load.merge.Trees.map;
import static io.github.compose4j.load.merge.Trees.mapAt;
import static io.github.compose4j.load.merge.Trees.scalarAt;
import static io.github.compose4j.load.merge.Trees.seqAt;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.compose4j.load.tree.MapNode;
import io.github.compose4j.load.tree.Mark;
import io.github.compose4j.load.tree.Node;
import io.github.compose4j.load.tree.SeqNode;
import org.junit.jupiter.api.Test;

/** Merged values keep the position of the text that won. */
class MarksTest {
    private static final Mark BASE_SERVICE = at("a.yaml", 2);
    private static final Mark BASE_IMAGE = at("a.yaml", 3);
    private static final Mark BASE_ENV = at("a.yaml", 4);
    private static final Mark BASE_A = at("a.yaml", 5);
    private static final Mark OVER_SERVICE = at("b.yaml", 2);
    private static final Mark OVER_IMAGE = at("b.yaml", 3);
    private static final Mark OVER_ENV = at("b.yaml", 4);
    private static final Mark OVER_B = at("b.yaml", 5);
    private static final Mark OVER_USER = at("b.yaml", 6);

    private static MapNode merged() {
        MapNode base = map("services", map("app", mapAt(BASE_SERVICE,
                "image", scalarAt(BASE_IMAGE, "a"),
                "environment", mapAt(BASE_ENV, "A", scalarAt(BASE_A, "1")))));
        MapNode override = map("services", map("app", mapAt(OVER_SERVICE,
                "image", scalarAt(OVER_IMAGE, "b"),
                "environment", seqAt(OVER_ENV, scalarAt(OVER_B, "B=2")),
                "user", scalarAt(OVER_USER, "u"))));
        return (MapNode) ((MapNode) Merger.merge(base, override).get("services")).get("app");
    }

    @Test
    void replacedAndAddedValuesKeepTheOverridesMarks() {
        MapNode app = merged();
        assertThat(app.get("image").mark()).isEqualTo(OVER_IMAGE);
        assertThat(app.keyMark("image")).isEqualTo(OVER_IMAGE);
        assertThat(app.get("user").mark()).isEqualTo(OVER_USER);
        assertThat(app.keyMark("user")).isEqualTo(OVER_USER);
    }

    @Test
    void mergedContainersKeepTheBasesMarksAndItemsTheirOwn() {
        MapNode app = merged();
        assertThat(app.mark()).isEqualTo(BASE_SERVICE);
        SeqNode env = (SeqNode) app.get("environment");
        assertThat(env.mark()).isEqualTo(BASE_ENV);
        assertThat(app.keyMark("environment")).isEqualTo(BASE_ENV);
        assertThat(env.items()).extracting(Node::mark).containsExactly(BASE_A, OVER_B);
    }
}
