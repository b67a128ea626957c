package io.github.compose4j.load.yaml;

import io.github.compose4j.error.ComposeException;

/** Counts what a file's conversion produces against the {@link YamlLimits}, failing as soon as one is hit. */
final class Budget {
    private final String file;
    private final YamlLimits limits;
    private long produced;
    private long fromAliases;
    private int aliasDepth;

    Budget(String file, YamlLimits limits) {
        this.file = file;
        this.limits = limits;
    }

    void enterAlias() {
        aliasDepth++;
    }

    void exitAlias() {
        aliasDepth--;
    }

    /** One node produced, at {@code n}. */
    void count(RawNode n) {
        if (++produced > limits.maxNodes()) {
            throw fail(n, "yaml: the file expands to more than " + limits.maxNodes()
                    + " nodes, the most this loader accepts");
        }
        charge(n);
    }

    /** Work done through an alias, whether or not it produces a node. */
    void charge(RawNode n) {
        if (aliasDepth > 0 && ++fromAliases > limits.maxAliasExpansions()) {
            throw fail(n, "yaml: aliases expand to more than " + limits.maxAliasExpansions()
                    + " nodes; refusing the file (\"billion laughs\" protection)");
        }
    }

    /**
     * Counts the nodes of a whole subtree at once, when none of them can reach a limit (the caller then
     * converts it without counting); false, counting nothing, otherwise.
     */
    boolean takeAll(RawNode n, int depth) {
        if ((n.height > 0 && depth + n.height - 1 > limits.maxDepth()) || produced + n.size > limits.maxNodes()
                || (aliasDepth > 0 && fromAliases + n.size > limits.maxAliasExpansions())) {
            return false;
        }
        produced += n.size;
        if (aliasDepth > 0) {
            fromAliases += n.size;
        }
        return true;
    }

    void checkDepth(RawNode n, int depth) {
        if (depth > limits.maxDepth()) {
            throw fail(n, "yaml: the document is nested more than " + limits.maxDepth()
                    + " levels deep once aliases are expanded");
        }
    }

    private ComposeException fail(RawNode at, String message) {
        return ComposeException.invalid(at.mark(file).prefix(message));
    }
}
