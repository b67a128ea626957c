package io.github.compose4j.load.canonical;

import io.github.compose4j.load.tree.MapNode;
import io.github.compose4j.load.tree.Tag;
import org.junit.jupiter.api.Test;

import java.util.List;

import static io.github.compose4j.testing.TestTrees.at;
import static io.github.compose4j.testing.TestTrees.node;
import static io.github.compose4j.testing.TestTrees.yaml;
import static org.assertj.core.api.Assertions.assertThat;

class OmitEmptyTest {
    @Test
    void emptyDnsEntriesAreDropped() {
        MapNode root = OmitEmpty.apply(yaml("services:\n  web:\n    dns: ['', 8.8.8.8, null]\n"));
        assertThat(at(root, "services.web.dns")).isEqualTo(List.of("8.8.8.8"));
    }

    @Test
    void dnsWithOnlyEmptyEntriesBecomesNoValue() {
        MapNode root = OmitEmpty.apply(yaml("services:\n  web:\n    dns: ['']\n"));
        assertThat(node(root, "services.web.dns").tag()).isEqualTo(Tag.NIL);
    }

    @Test
    void emptyEntriesOfOtherListsAreKept() {
        MapNode root = OmitEmpty.apply(yaml("services:\n  web:\n    dns_search: ['']\n    command: ['']\n"));
        assertThat(at(root, "services.web.dns_search")).isEqualTo(List.of(""));
        assertThat(at(root, "services.web.command")).isEqualTo(List.of(""));
    }

    @Test
    void emptySequencesAnywhereBecomeNoValue() {
        MapNode root = OmitEmpty.apply(yaml("services:\n  web:\n    cap_add: []\nx-list: []\nx-deep:\n  a:\n    b: []\n"));
        assertThat(node(root, "services.web.cap_add").tag()).isEqualTo(Tag.NIL);
        assertThat(node(root, "x-list").tag()).isEqualTo(Tag.NIL);
        assertThat(node(root, "x-deep.a.b").tag()).isEqualTo(Tag.NIL);
        assertThat(at(root, "x-list")).isNull();
    }

    @Test
    void treeWithoutEmptySequencesIsReturnedAsIs() {
        MapNode in = yaml("services:\n  web:\n    dns: [1.1.1.1]\n    image: x\n");
        assertThat(OmitEmpty.apply(in)).isSameAs(in);
    }
}
