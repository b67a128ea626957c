package io.github.compose4j.load.yaml;

/**
 * Bounds on what one compose file may cost to parse. Compose files are untrusted input: these keep a
 * hostile file (huge, deeply nested, or an alias bomb) from exhausting memory or stack.
 *
 * @param maxBytes           largest file accepted, in UTF-8 bytes
 * @param maxDepth           deepest nesting of mappings and sequences, aliases expanded
 * @param maxAliasExpansions most nodes that alias references may add in total (an alias to an anchored
 *                           node of n nodes adds n); this is what stops "billion laughs"
 * @param maxNodes           most nodes in the file's documents, as parsed and once aliases are expanded
 */
public record YamlLimits(long maxBytes, int maxDepth, int maxAliasExpansions, long maxNodes) {
    /** 64 MiB, 1,000 levels, 500,000 nodes from aliases, 5,000,000 nodes. */
    public static final YamlLimits DEFAULT = new YamlLimits(64L * 1024 * 1024, 1000, 500_000, 5_000_000L);

    public YamlLimits {
        if (maxBytes < 0 || maxDepth < 1 || maxAliasExpansions < 0 || maxNodes < 1) {
            throw new IllegalArgumentException("invalid YAML limits: " + maxBytes + ", " + maxDepth + ", "
                    + maxAliasExpansions + ", " + maxNodes);
        }
    }
}
