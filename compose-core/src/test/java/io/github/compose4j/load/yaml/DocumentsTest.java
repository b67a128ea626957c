package io.github.compose4j.load.yaml;

import static io.github.compose4j.load.yaml.Yaml.docs;
import static io.github.compose4j.load.yaml.Yaml.error;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.compose4j.load.tree.MapNode;
import org.junit.jupiter.api.Test;

class DocumentsTest {

    @Test
    void everyDocumentIsReturnedInOrder() {
        // conformance case yaml-multi-document
        var all = docs("services:\n  app:\n    image: alpine\n---\nservices:\n  other:\n    image: busybox\n");
        assertThat(all).hasSize(2);
        assertThat(((MapNode) all.get(0).get("services")).keys()).containsExactly("app");
        assertThat(((MapNode) all.get(1).get("services")).keys()).containsExactly("other");
    }

    @Test
    void aFileWithoutDocumentsGivesNone() {
        // compose-go then reports "empty compose file" (conformance case cgo-empty-file).
        assertThat(docs("")).isEmpty();
        assertThat(docs("# Empty file\n")).isEmpty();
        assertThat(docs("\n\n   \n")).isEmpty();
        assertThat(docs("a: 1\n...\n")).hasSize(1);
    }

    @Test
    void anEmptyExplicitDocumentIsNotAMapping() {
        assertThat(error("a: 1\n---\n").getMessage()).endsWith("Top-level object must be a mapping");
        assertThat(error("a: 1\n---\n# only a comment\n").getMessage()).endsWith("Top-level object must be a mapping");
        assertThat(error("---\n").getMessage()).endsWith("Top-level object must be a mapping");
    }

    @Test
    void rootsMustBeMappings() {
        // conformance case invalid-top-level-scalar
        assertThat(error("just a string\n").getMessage()).isEqualTo("compose.yaml:1:1: Top-level object must be a mapping");
        assertThat(error("- a\n- b\n").getMessage()).isEqualTo("compose.yaml:1:1: Top-level object must be a mapping");
        assertThat(error("a: 1\n---\n[1]\n").getMessage()).isEqualTo("compose.yaml:3:1: Top-level object must be a mapping");
        assertThat(error("~\n").exitCode()).isEqualTo(15);
    }

    @Test
    void anchorsStayVisibleInLaterDocuments() {
        var all = docs("a: &x 1\n---\nb: *x\n");
        assertThat(all.get(1).get("b")).extracting("value").isEqualTo(1L);
    }

    @Test
    void aLeadingByteOrderMarkIsIgnored() {
        assertThat(docs("\uFEFFa: 1\n")).hasSize(1);
    }

    @Test
    void anEarlierDocumentsErrorComesFirst() {
        // Compose decodes each document before parsing the next.
        assertThat(error("a: !!int x\n---\nb: [\n").getMessage()).contains("cannot decode");
    }
}
