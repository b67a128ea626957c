package io.github.compose4j.load.tree;

/** The only YAML tags Compose gives a meaning to; every other tag is ignored. */
public enum Tag {
    NONE,
    /** {@code !reset}: drop the value inherited from a base file or an extended service. */
    RESET,
    /** {@code !override}: replace the inherited value instead of merging with it. */
    OVERRIDE,
    /**
     * Not a YAML tag: an empty sequence that Compose holds as "no value" after its own clean-up pass.
     * It prints as {@code null} where Compose prints the raw value ({@code x-*} extensions, the
     * uninterpolated model) and binds as an empty list.
     */
    NIL
}
