package io.github.compose4j.load.tree;

/** The only YAML tags Compose gives a meaning to; every other tag is ignored. */
public enum Tag {
    NONE,
    /** {@code !reset}: drop the value inherited from a base file or an extended service. */
    RESET,
    /** {@code !override}: replace the inherited value instead of merging with it. */
    OVERRIDE
}
