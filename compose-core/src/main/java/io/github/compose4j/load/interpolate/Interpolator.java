package io.github.compose4j.load.interpolate;

import io.github.compose4j.error.ComposeException;
import io.github.compose4j.error.Failure;
import io.github.compose4j.load.tree.MapNode;
import io.github.compose4j.load.tree.Node;
import io.github.compose4j.load.tree.ScalarNode;
import io.github.compose4j.load.tree.SeqNode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Interpolates a raw compose file the way Compose does before merging: every string value (never a
 * mapping key) is substituted, then strings at typed paths ({@code replicas}, {@code read_only},
 * ...) are converted to numbers or booleans, whether or not they contained a variable. Non-string
 * scalars are left alone. Marks and tags are kept; unchanged subtrees are returned as is.
 *
 * <p>Errors name the path as Compose does ({@code services.web.ports.[].target}) after the
 * position of the offending scalar. Where Compose would stop at a random error among several (it
 * walks Go maps), we stop at the first in document order.
 */
public final class Interpolator {
    private final Lookup lookup;
    private final Warnings warnings;
    /**
     * Substitutions already made, by template: anchors and merge keys repeat the same templates across
     * services. Only those that warned nothing are kept, so every warning is still reported each time.
     */
    private final Map<String, String> substituted = new HashMap<>();
    private int warned;

    private Interpolator(Lookup lookup, Warnings warnings) {
        this.lookup = lookup;
        this.warnings = message -> {
            warned++;
            warnings.warn(message);
        };
    }

    /** Interpolates {@code root}; warnings are dropped. */
    public static MapNode interpolate(MapNode root, Lookup lookup) {
        return interpolate(root, lookup, Warnings.ignore());
    }

    /**
     * Interpolates {@code root}, reporting unset variables and YAML 1.1 booleans to {@code warnings}.
     *
     * @throws ComposeException (COMPOSE_PARSE) for an invalid template, a missing required variable
     *                          or a value that cannot be converted
     */
    public static MapNode interpolate(MapNode root, Lookup lookup, Warnings warnings) {
        Interpolator it = new Interpolator(lookup, warnings);
        Map<String, Node> changed = null;
        for (Map.Entry<String, Node> e : root.entries().entrySet()) {
            // Compose starts each path from the raw top-level key, so a dot in it splits the path.
            List<String> path = new ArrayList<>(Arrays.asList(e.getKey().split("\\.", -1)));
            Node value = it.walk(e.getValue(), path);
            if (value != e.getValue()) {
                if (changed == null) {
                    changed = new HashMap<>();
                }
                changed.put(e.getKey(), value);
            }
        }
        return rebuild(root, changed);
    }

    private Node walk(Node node, List<String> path) {
        if (node instanceof ScalarNode scalar) {
            return scalar.value() instanceof String s ? interpolateString(scalar, s, path) : scalar;
        }
        if (node instanceof MapNode map) {
            Map<String, Node> changed = null;
            for (int i = 0, size = map.size(); i < size; i++) {
                Node old = map.valueAt(i);
                Node value = descend(old, path, map.keyAt(i));
                if (value != old) {
                    if (changed == null) {
                        changed = new HashMap<>();
                    }
                    changed.put(map.keyAt(i), value);
                }
            }
            return rebuild(map, changed);
        }
        SeqNode seq = (SeqNode) node;
        List<Node> items = null;
        for (int i = 0; i < seq.size(); i++) {
            Node item = seq.get(i);
            Node value = descend(item, path, "[]");
            if (value != item && items == null) {
                items = new ArrayList<>(seq.items());
            }
            if (items != null) {
                items.set(i, value);
            }
        }
        return items == null ? seq : new SeqNode(items, seq.mark(), seq.tag());
    }

    private Node descend(Node child, List<String> path, String part) {
        // Compose's path of an empty top-level key is "", and the next part then replaces it.
        if (path.size() == 1 && path.get(0).isEmpty()) {
            return walk(child, new ArrayList<>(Arrays.asList(part.split("\\.", -1))));
        }
        path.add(part);
        try {
            return walk(child, path);
        } finally {
            path.remove(path.size() - 1);
        }
    }

    private ScalarNode interpolateString(ScalarNode scalar, String text, List<String> path) {
        String substituted = text.indexOf('$') < 0 ? text : this.substituted.get(text);
        if (substituted == null) {
            substituted = substitute(scalar, text, path);
        }
        Cast cast = CastTable.lookup(path);
        if (cast == null) {
            return substituted.equals(text) ? scalar : scalar.withValue(substituted);
        }
        try {
            return scalar.withValue(cast.apply(substituted, warnings));
        } catch (Cast.CastError e) {
            throw fail(scalar, "error while interpolating " + String.join(".", path)
                    + ": failed to cast to expected type: " + e.getMessage(), e);
        }
    }

    private String substitute(ScalarNode scalar, String text, List<String> path) {
        if (text.indexOf('$') < 0) {
            return text;
        }
        int warnedBefore = warned;
        String substituted;
        try {
            substituted = Template.substitute(text, lookup, warnings);
        } catch (TemplateException.Invalid e) {
            throw fail(scalar, "invalid interpolation format for " + String.join(".", path)
                    + ".\nYou may need to escape any $ with another $.\n" + e.template(), e);
        } catch (TemplateException.MissingRequired e) {
            throw fail(scalar, "error while interpolating " + String.join(".", path) + ": " + e.getMessage(), e);
        }
        if (warned == warnedBefore) {
            this.substituted.put(text, substituted);
        }
        return substituted;
    }

    private static ComposeException fail(ScalarNode scalar, String message, Exception cause) {
        return new ComposeException(Failure.COMPOSE_PARSE, scalar.mark().prefix(message), cause);
    }

    private static MapNode rebuild(MapNode map, Map<String, Node> changed) {
        if (changed == null) {
            return map;
        }
        return map.mapValues((key, value) -> changed.getOrDefault(key, value));
    }
}
