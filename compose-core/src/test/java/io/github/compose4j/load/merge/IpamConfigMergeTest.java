package io.github.compose4j.load.merge;

import static io.github.compose4j.load.merge.Trees.map;
import static io.github.compose4j.load.merge.Trees.plain;
import static io.github.compose4j.load.merge.Trees.seq;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.compose4j.load.tree.MapNode;
import io.github.compose4j.load.tree.SeqNode;
import org.junit.jupiter.api.Test;

/** {@code networks.*.ipam.config}: Compose's pairing by subnet, quirks included (checked against docker compose). */
class IpamConfigMergeTest {

    private static Object merged(SeqNode base, SeqNode override) {
        MapNode result = Merger.merge(network(base), network(override));
        MapNode ipam = (MapNode) ((MapNode) ((MapNode) result.get("networks")).get("n")).get("ipam");
        return plain(ipam.get("config"));
    }

    private static MapNode network(SeqNode config) {
        return map("networks", map("n", map("ipam", map("config", config))));
    }

    @Test
    void sameSubnetMerges() {
        assertThat(merged(seq(map("subnet", "10.1.0.0/16", "gateway", "10.1.0.1")),
                seq(map("subnet", "10.1.0.0/16", "ip_range", "10.1.1.0/24"))))
                .isEqualTo(plain(seq(map("subnet", "10.1.0.0/16", "gateway", "10.1.0.1", "ip_range", "10.1.1.0/24"))));
    }

    @Test
    void baseEntriesNoOverridePairsWithAreDropped() {
        assertThat(merged(seq(map("subnet", "10.1.0.0/16")), seq(map("subnet", "10.2.0.0/16"))))
                .isEqualTo(plain(seq(map("subnet", "10.2.0.0/16"))));
    }

    @Test
    void laterBaseEntryIsMergedIntoAnAlreadyAddedOverride() {
        // docker compose: base [10.1, {10.3, gateway}] + override [10.2] gives [{10.2, gateway 10.3.0.1}]
        assertThat(merged(seq(map("subnet", "10.1.0.0/16"), map("subnet", "10.3.0.0/16", "gateway", "10.3.0.1")),
                seq(map("subnet", "10.2.0.0/16"))))
                .isEqualTo(plain(seq(map("subnet", "10.2.0.0/16", "gateway", "10.3.0.1"))));
    }

    @Test
    void inPlaceMutationIsVisibleThroughEarlierEntries() {
        // The base entry, once merged and listed, is mutated by a later pairing and found by its new subnet.
        assertThat(merged(seq(map("subnet", "s1", "a", 1)),
                seq(map("subnet", "s1", "b", 2), map("subnet", "s2"), map("subnet", "s2", "c", 3))))
                .isEqualTo(plain(seq(map("subnet", "s2", "a", 1, "b", 2, "c", 3), map("subnet", "s2"))));
    }

    @Test
    void emptyOverrideListEmptiesTheConfig() {
        assertThat(merged(seq(map("subnet", "s1")), seq())).isEqualTo(plain(seq()));
    }

    @Test
    void nullOverrideKeepsTheBaseAndNonListsCannotOverride() {
        MapNode base = network(seq(map("subnet", "s1")));
        MapNode nullOverride = map("networks", map("n", map("ipam", map("config", null))));
        assertThat(plain(Merger.merge(base, nullOverride))).isEqualTo(plain(base));
        MapNode mapOverride = map("networks", map("n", map("ipam", map("config", map("subnet", "s")))));
        assertThatThrownBy(() -> Merger.merge(base, mapOverride)).hasMessage("cannot override networks.n.ipam.config");
    }
}
