package io.github.compose4j.load.yaml;

import static io.github.compose4j.load.yaml.Yaml.at;
import static io.github.compose4j.load.yaml.Yaml.doc;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.compose4j.load.tree.MapNode;
import io.github.compose4j.load.tree.Mark;
import org.junit.jupiter.api.Test;

/** Nodes and keys carry 1-based line:column marks, as go-yaml's nodes do. */
class MarksTest {

    private static Mark mark(int line, int column) {
        return new Mark(Yaml.FILE, line, column);
    }

    @Test
    void blockNodesAndKeys() {
        MapNode m = doc("""
                services:
                  web:
                    image: "nginx"
                    ports:
                      - 80:80
                      - target: 81
                """);
        MapNode services = (MapNode) m.get("services");
        assertThat(m.keyMark("services")).isEqualTo(mark(1, 1));
        assertThat(services.mark()).isEqualTo(mark(2, 3));
        assertThat(services.keyMark("web")).isEqualTo(mark(2, 3));
        MapNode web = (MapNode) services.get("web");
        assertThat(web.keyMark("image")).isEqualTo(mark(3, 5));
        assertThat(web.get("image").mark()).isEqualTo(mark(3, 12));
        assertThat(at(m, "services.web.ports").mark()).isEqualTo(mark(5, 7));
        assertThat(at(m, "services.web.ports.0").mark()).isEqualTo(mark(5, 9));
        assertThat(at(m, "services.web.ports.1").mark()).isEqualTo(mark(6, 9));
        assertThat(((MapNode) at(m, "services.web.ports.1")).keyMark("target")).isEqualTo(mark(6, 9));
        assertThat(at(m, "services.web.ports.1.target").mark()).isEqualTo(mark(6, 17));
    }

    @Test
    void flowNodesAndIndentlessSequences() {
        MapNode m = doc("a: {b: [1, 2]}\nc:\n- x\n");
        assertThat(at(m, "a").mark()).isEqualTo(mark(1, 4));
        assertThat(at(m, "a.b").mark()).isEqualTo(mark(1, 8));
        assertThat(at(m, "a.b.1").mark()).isEqualTo(mark(1, 12));
        assertThat(at(m, "c").mark()).isEqualTo(mark(3, 1));
    }

    @Test
    void columnsCountCharactersNotBytes() {
        MapNode m = doc("é: ü\n");
        assertThat(m.get("é").mark()).isEqualTo(mark(1, 4));
    }

    @Test
    void tagsAndAnchorsStartTheNode() {
        MapNode m = doc("a: !override [1]\nb: &x v\nc: *x\n");
        assertThat(m.get("a").mark()).isEqualTo(mark(1, 4));
        assertThat(m.get("b").mark()).isEqualTo(mark(2, 4));
        // An alias is the anchored node, with its position (as in go-yaml).
        assertThat(m.get("c").mark()).isEqualTo(mark(2, 4));
    }

    @Test
    void mergedEntriesKeepTheirSourcePositions() {
        MapNode m = doc("x: &x {a: 1}\ny:\n  <<: *x\n  b: 2\n");
        MapNode y = (MapNode) m.get("y");
        assertThat(y.keyMark("a")).isEqualTo(mark(1, 8));
        assertThat(y.keyMark("b")).isEqualTo(mark(4, 3));
    }
}
