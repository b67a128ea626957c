package io.github.compose4j.load.tree;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class MapNodeTest {
    private static MapNode numbered(int size) {
        MapNode.Builder b = MapNode.builder(Mark.NONE);
        for (int i = 0; i < size; i++) {
            b.put("k" + i, new ScalarNode((long) i, Mark.NONE));
        }
        return b.build();
    }

    @Test
    void aBuilderCopiedFromALargeMappingReplacesValuesInPlace() {
        MapNode large = numbered(40);
        MapNode.Builder b = large.toBuilder();
        for (int i = 0; i < 40; i += 2) {
            b.put("k" + i, new ScalarNode("even", Mark.NONE));
        }
        b.put("extra", new ScalarNode("new", Mark.NONE));
        MapNode out = b.build();
        List<String> keys = new ArrayList<>(out.keys());
        assertThat(keys).hasSize(41).startsWith("k0", "k1", "k2").endsWith("k39", "extra");
        assertThat(((ScalarNode) out.get("k10")).value()).isEqualTo("even");
        assertThat(((ScalarNode) out.get("k11")).value()).isEqualTo(11L);
        assertThat(((ScalarNode) large.get("k10")).value()).isEqualTo(10L);
    }

    @Test
    void aLargeBuilderFindsKeysAfterARemoval() {
        MapNode.Builder b = numbered(30).toBuilder();
        b.remove("k3");
        b.put("k29", new ScalarNode("last", Mark.NONE));
        MapNode out = b.build();
        assertThat(out.has("k3")).isFalse();
        assertThat(out.size()).isEqualTo(29);
        assertThat(out.keyAt(28)).isEqualTo("k29");
        assertThat(((ScalarNode) out.get("k29")).value()).isEqualTo("last");
    }
}
