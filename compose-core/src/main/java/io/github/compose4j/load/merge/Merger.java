package io.github.compose4j.load.merge;

import io.github.compose4j.load.tree.MapNode;

/**
 * Merges compose documents the way Docker Compose v2.26.1 does (its loader is compose-go v2.4.8,
 * whatever its go.mod says): "append to lists, merge mappings, replace scalars", with the per-attribute
 * exceptions of {@link MergeRules}, then {@link #enforceUnicity de-duplication} of set-like lists.
 *
 * <p>Per YAML document, the loader runs, in this order (as compose-go's {@code loadYamlFile} does):
 * <ol>
 *   <li>{@code tagged = TaggedPaths.of(doc); doc = applyResets(doc);} right after parsing (Compose
 *       resolves tags while decoding, so a {@code !reset} service is gone before {@code extends}
 *       looks for it);</li>
 *   <li>interpolation; then {@code extends}: each extending service {@code name} becomes
 *       {@code mergeService(base, local, tagged.inService(name)).without("extends")};</li>
 *   <li>{@code model = merge(model, doc, tagged)}, starting from an empty model;</li>
 *   <li>{@code model = enforceUnicity(model)}, then schema validation;</li>
 *   <li>the canonical transformation of {@code model} (short syntax to long, and dropping empty
 *       {@code services.*.dns} items), then {@code model = enforceUnicity(model)} again, since e.g.
 *       {@code "8080:80"} and its long form only collide once both are long.</li>
 * </ol>
 * So the base of a merge is canonical while the override is raw: rules here see, for instance, a
 * base {@code depends_on} that is always a mapping and an override one that may be a list.
 * The overloads without {@link TaggedPaths} read the tags still present in their arguments, for
 * callers that keep tags until merging.
 *
 * <p>All inputs and outputs are immutable; results carry no tags. Values keep the marks of the
 * text that won, so later errors point at the right file, line and column.
 */
public final class Merger {
    private Merger() {
    }

    /**
     * Merges {@code override} onto {@code base}; both are whole compose documents. The override's
     * {@code !reset} / {@code !override} tags apply: the base loses what sits at their paths, a
     * {@code !reset} node is dropped and an {@code !override} node is then taken as is.
     */
    public static MapNode merge(MapNode base, MapNode override) {
        return merge(base, override, TaggedPaths.of(override));
    }

    /**
     * Like {@link #merge(MapNode, MapNode)}, with the tagged paths collected from the override
     * document before {@code extends} replaced some of its services by tag-free merges.
     */
    public static MapNode merge(MapNode base, MapNode override, TaggedPaths tagged) {
        MapNode b = tagged.deleteFrom(Tags.clean(base));
        return TreeMerge.mergeMappings(b, Tags.clean(override), TreePath.ROOT);
    }

    /**
     * Merges the definition of a service that {@code extends} another ({@code local}) onto the
     * definition it extends ({@code base}), as compose-go's {@code ExtendService}: the same rules as a
     * file merge, at path {@code services.x}, and the local service's tags apply to {@code base}. The
     * result still holds the {@code extends} key: the caller removes it. Unique lists are not
     * de-duplicated here; the file's {@link #enforceUnicity} does it.
     */
    public static MapNode mergeService(MapNode base, MapNode local) {
        return mergeService(base, local, TaggedPaths.of(local));
    }

    /**
     * Like {@link #mergeService(MapNode, MapNode)}, with the service's tagged paths given (see
     * {@link TaggedPaths#inService}) for a {@code local} whose tags were already resolved.
     */
    public static MapNode mergeService(MapNode base, MapNode local, TaggedPaths tagged) {
        MapNode b = tagged.deleteFrom(Tags.clean(base));
        return TreeMerge.mergeMappings(b, Tags.clean(local), TreePath.of("services", "x"));
    }

    /**
     * Keeps one item per key in the lists Compose treats as sets (volumes by target, ports by
     * {@code host_ip:published:target/protocol}, secrets/configs by target, {@code KEY=VALUE} lists
     * by key...). A later item replaces the earlier one in the earlier one's position.
     *
     * @throws io.github.compose4j.error.ComposeException for items Compose cannot index (a volume
     *     without target, a port without target, a non-string {@code KEY=VALUE} item...)
     */
    public static MapNode enforceUnicity(MapNode root) {
        return Unicity.enforce(root);
    }

    /**
     * Resolves the tags of a document that has nothing to merge onto (a single or first file):
     * {@code !reset} nodes are dropped, {@code !override} nodes kept, tags cleared. The same as
     * {@code merge(emptyDocument, root)}.
     */
    public static MapNode applyResets(MapNode root) {
        return Tags.clean(root);
    }
}
