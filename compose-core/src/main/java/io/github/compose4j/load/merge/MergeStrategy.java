package io.github.compose4j.load.merge;

import io.github.compose4j.load.tree.Node;

/** How the value of one attribute in an override file combines with the value from earlier files. */
@FunctionalInterface
interface MergeStrategy {
    /**
     * @param base     the earlier value, tag-free, never absent (absent keys are simply added)
     * @param override the override's value, tag-free, possibly a null scalar
     * @param path     where both sit
     */
    Node merge(Node base, Node override, TreePath path);
}
