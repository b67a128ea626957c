package io.github.compose4j.load.tree;

/**
 * A node of the raw compose tree: what YAML parsing produces and what every loader stage up to the
 * canonical form transforms. Immutable. Mapping keys are always strings, as in Compose.
 */
public sealed interface Node permits MapNode, SeqNode, ScalarNode {
    Mark mark();

    Tag tag();

    /** The same node with another tag. */
    Node withTag(Tag tag);
}
