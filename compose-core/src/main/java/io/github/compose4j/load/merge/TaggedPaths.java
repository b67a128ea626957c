package io.github.compose4j.load.merge;

import io.github.compose4j.load.tree.MapNode;
import io.github.compose4j.load.tree.Node;
import io.github.compose4j.load.tree.SeqNode;
import io.github.compose4j.load.tree.Tag;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The places a document marks with {@code !reset} or {@code !override}. Compose records these paths
 * while decoding a document and, before merging it, deletes whatever the earlier files (or the
 * extended service) hold at exactly those paths. Deletion only happens through mappings: a path
 * through a sequence never matches (Compose's sequences are indexed differently), so a tag inside a
 * sequence only drops the item from the document itself.
 *
 * <p>Collect them from a document as soon as it is parsed: Compose resolves tags while decoding, so
 * the loader should then drop the tags ({@link Merger#applyResets}) before interpolation and
 * {@code extends}, and hand these paths to {@link Merger#mergeService(MapNode, MapNode, TaggedPaths)}
 * and {@link Merger#merge(MapNode, MapNode, TaggedPaths)}.
 */
public final class TaggedPaths {
    private static final TaggedPaths NONE = new TaggedPaths(List.of());

    /** Path segment tree; a terminal node is a recorded path (Compose never records below one). */
    private record Trie(boolean terminal, Map<String, Trie> children) {
    }

    private static final Trie LEAF = new Trie(true, Map.of());

    // Several roots when paths of several documents are combined; deletion applies them all.
    private final List<Trie> roots;

    private TaggedPaths(List<Trie> roots) {
        this.roots = List.copyOf(roots);
    }

    /** The tagged paths of a whole document (or of one service, relative to the service). */
    public static TaggedPaths of(MapNode document) {
        Trie t = collect(document);
        return t == null ? NONE : new TaggedPaths(List.of(t));
    }

    /**
     * These paths relative to {@code services.<name>}: what Compose applies to the service that
     * service {@code name} extends. A tag on {@code services} or on the service itself does not
     * reach it (Compose deletes those from a throw-away wrapper).
     */
    public TaggedPaths inService(String name) {
        List<Trie> services = step(roots, "services");
        return services.isEmpty() ? NONE : new TaggedPaths(step(services, name));
    }

    /**
     * Both sets of paths. For {@code extends} with a {@code file}, Compose also applies the tagged
     * paths of the extended file's last document, so {@code doc.inService(name).and(other.inService(name))}.
     */
    public TaggedPaths and(TaggedPaths other) {
        List<Trie> all = new ArrayList<>(roots);
        all.addAll(other.roots);
        return new TaggedPaths(all);
    }

    public boolean isEmpty() {
        return roots.stream().allMatch(t -> t.children().isEmpty());
    }

    private static Trie collect(Node node) {
        // Allocates only along tagged paths: most documents have no tag at all.
        Map<String, Trie> children = null;
        if (node instanceof MapNode map) {
            for (int i = 0, size = map.size(); i < size; i++) {
                children = add(children, map, i, map.valueAt(i));
            }
        } else if (node instanceof SeqNode seq) {
            // Compose records items by bare index; kept so that the rare mapping key "0" behaves alike.
            for (int i = 0; i < seq.size(); i++) {
                children = add(children, null, i, seq.get(i));
            }
        }
        return children == null ? null : new Trie(false, Map.copyOf(children));
    }

    /** Records the tagged paths under the {@code i}-th child (a key of {@code map}, else an index). */
    private static Map<String, Trie> add(Map<String, Trie> children, MapNode map, int i, Node value) {
        Trie sub;
        if (value.tag() == Tag.RESET || value.tag() == Tag.OVERRIDE) {
            sub = LEAF;
        } else if (value instanceof MapNode || value instanceof SeqNode) {
            sub = collect(value);
        } else {
            sub = null;
        }
        if (sub == null) {
            return children;
        }
        Map<String, Trie> out = children == null ? new LinkedHashMap<>() : children;
        out.put(map != null ? map.keyAt(i) : Integer.toString(i), sub);
        return out;
    }

    /** {@code base} without the entries at the recorded paths. */
    MapNode deleteFrom(MapNode base) {
        return isEmpty() ? base : (MapNode) delete(base, roots);
    }

    private static Node delete(Node node, List<Trie> at) {
        if (node instanceof MapNode map) {
            MapNode.Builder changed = null;
            for (Map.Entry<String, Node> e : map.entries().entrySet()) {
                List<Trie> next = step(at, e.getKey());
                if (next.isEmpty()) {
                    continue;
                }
                Node value = e.getValue();
                Node kept = next.stream().anyMatch(Trie::terminal) ? null : delete(value, next);
                if (kept != value) {
                    if (changed == null) {
                        changed = map.toBuilder();
                    }
                    if (kept == null) {
                        changed.remove(e.getKey());
                    } else {
                        changed.put(e.getKey(), map.keyMark(e.getKey()), kept);
                    }
                }
            }
            return changed == null ? map : changed.build();
        }
        if (node instanceof SeqNode seq) {
            List<Node> items = null;
            for (int i = 0; i < seq.size(); i++) {
                List<Trie> next = step(at, "[" + i + "]");
                Node item = seq.get(i);
                // A matching item is skipped, never removed: Compose cannot remove from a sequence.
                Node kept = next.isEmpty() || next.stream().anyMatch(Trie::terminal) ? item : delete(item, next);
                if (kept != item && items == null) {
                    items = new ArrayList<>(seq.items());
                }
                if (items != null) {
                    items.set(i, kept);
                }
            }
            return items == null ? seq : new SeqNode(items, seq.mark(), seq.tag());
        }
        return node;
    }

    // A recorded segment "*" (a key literally named so) matches any key, as in Compose's path patterns.
    private static List<Trie> step(List<Trie> at, String segment) {
        List<Trie> next = new ArrayList<>(2);
        for (Trie t : at) {
            Trie exact = t.children().get(segment);
            if (exact != null) {
                next.add(exact);
            }
            Trie any = t.children().get("*");
            if (any != null && any != exact) {
                next.add(any);
            }
        }
        return next;
    }
}
