package io.github.compose4j.load.merge;

import io.github.compose4j.error.ComposeException;
import io.github.compose4j.load.tree.GoFormat;
import io.github.compose4j.load.tree.MapNode;
import io.github.compose4j.load.tree.Node;
import io.github.compose4j.load.tree.ScalarNode;

/**
 * What makes two items of a unique sequence "the same", per attribute, with Compose's error wording
 * for items it cannot index. Keys are only compared with each other; their text matters only in
 * that Compose builds them with Go's formatting, so {@code published: 8080} and
 * {@code published: "8080"} are different ports here, as they are in Compose.
 */
final class Indexers {
    /** The key of one sequence item. */
    @FunctionalInterface
    interface Indexer {
        String key(Node item, TreePath itemPath);
    }

    private Indexers() {
    }

    /** {@code KEY=VALUE} items are the same when their keys are; other strings when equal. */
    static String keyValue(Node item, TreePath path) {
        if (item instanceof ScalarNode s && s.value() instanceof String text) {
            int eq = text.indexOf('=');
            return eq >= 0 ? text.substring(0, eq) : text;
        }
        throw error(item, path + ": unexpected type " + GoFmt.typeName(item));
    }

    /** Service volumes: by mount target. */
    static String volume(Node item, TreePath path) {
        if (item instanceof MapNode map) {
            if (map.get("target") instanceof ScalarNode t && t.value() instanceof String target) {
                return target;
            }
            throw error(item, "service volume " + path + " is missing a mount target");
        }
        if (item instanceof ScalarNode s && s.value() instanceof String spec) {
            try {
                return VolumeSpec.target(spec);
            } catch (IllegalArgumentException e) {
                throw error(item, e.getMessage());
            }
        }
        return "";
    }

    /** Devices: by target, the second field of {@code source:target[:permissions]}. */
    static String device(Node item, TreePath path) {
        if (item instanceof MapNode map) {
            if (map.get("target") instanceof ScalarNode t && t.value() instanceof String target) {
                return target;
            }
            throw error(item, "service device " + path + " is missing a mount target");
        }
        if (item instanceof ScalarNode s && s.value() instanceof String spec) {
            String[] fields = spec.split(":", -1);
            return fields.length == 1 ? fields[0] : fields[1];
        }
        return "";
    }

    static String expose(Node item, TreePath path) {
        if (item instanceof ScalarNode s && (s.value() instanceof String || s.value() instanceof Long)) {
            return s.value().toString();
        }
        throw error(item, path + ": unsupported expose value " + GoFmt.s(item));
    }

    /** Secrets and configs: by target, which defaults to {@code <dir>/<source>}. */
    static Indexer mount(String defaultDir) {
        return (item, path) -> {
            if (item instanceof ScalarNode s && s.value() instanceof String source) {
                return defaultDir + "/" + source;
            }
            if (item instanceof MapNode map) {
                Node target = map.get("target");
                if (target != null) {
                    return text(target);
                }
                return defaultDir + "/" + GoFmt.s(map.get("source"));
            }
            throw error(item, path + ": unsupported expose value " + GoFmt.s(item));
        };
    }

    /** Ports: short syntax by its text, long syntax by {@code host_ip:published:target/protocol}. */
    static String port(Node item, TreePath path) {
        if (item instanceof ScalarNode s) {
            if (s.value() instanceof Long || s.value() instanceof String) {
                return s.value().toString();
            }
            return "";
        }
        if (item instanceof MapNode map) {
            Node target = map.get("target");
            if (target == null) {
                throw error(item, "service ports " + path + " is missing a target port");
            }
            Node host = map.get("host_ip");
            Node protocol = map.get("protocol");
            return (host == null ? "0.0.0.0" : GoFmt.s(host))
                    + ":" + GoFmt.s(map.get("published"))
                    + ":" + GoFmt.d(target)
                    + "/" + (protocol == null ? "tcp" : GoFmt.s(protocol));
        }
        return "";
    }

    static String envFile(Node item, TreePath path) {
        if (item instanceof ScalarNode s && s.value() instanceof String file) {
            return file;
        }
        if (item instanceof MapNode map) {
            Node file = map.get("path");
            if (file == null) {
                throw error(item, "environment path attribute " + path + " is missing");
            }
            return text(file);
        }
        return "";
    }

    // Where Compose asserts a string (and would crash on anything else), any scalar's text.
    private static String text(Node n) {
        return n instanceof ScalarNode s ? GoFormat.sprint(s.value()) : GoFmt.v(n);
    }

    private static ComposeException error(Node item, String message) {
        return ComposeException.invalid(item.mark().prefix(message));
    }
}
