package io.github.compose4j.load.canonical;

import io.github.compose4j.error.ComposeException;
import io.github.compose4j.load.tree.MapNode;
import io.github.compose4j.load.tree.Mark;
import io.github.compose4j.load.tree.Node;
import io.github.compose4j.load.tree.Nodes;
import io.github.compose4j.load.tree.GoText;
import io.github.compose4j.load.tree.ScalarNode;
import io.github.compose4j.load.tree.SeqNode;
import io.github.compose4j.load.tree.Warnings;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Short syntax to long syntax: the canonical form every later stage (merge of the next file,
 * defaults, paths, binding) relies on. Applied to the merged tree after each document, as Compose does.
 */
public final class Canonical {
    private final boolean ignoreParseErrors;
    private final Warnings warnings;

    private Canonical(boolean ignoreParseErrors, Warnings warnings) {
        this.ignoreParseErrors = ignoreParseErrors;
        this.warnings = warnings;
    }

    /**
     * @param ignoreParseErrors keep unparsable short syntax as written (used without interpolation,
     *                          where {@code ${VAR}} may stand for a whole port or volume spec)
     */
    public static MapNode transform(MapNode root, boolean ignoreParseErrors, Warnings warnings) {
        return new Canonical(ignoreParseErrors, warnings).root(root);
    }

    private MapNode root(MapNode root) {
        return root.mapValues((key, value) -> switch (key) {
            case "services" -> value instanceof MapNode m ? m.mapValues((name, s) -> service(name, s)) : value;
            case "volumes", "networks", "secrets", "configs" ->
                    value instanceof MapNode m ? m.mapValues((name, r) -> maybeExternal(new Where(key, name), r)) : value;
            case "include" -> value instanceof SeqNode s ? include(s) : value;
            default -> value;
        });
    }

    private Node service(String name, Node node) {
        if (!(node instanceof MapNode service)) {
            return node;
        }
        Object p = new Where("services", name);
        return service.mapValues((key, value) -> switch (key) {
            case "build" -> build(new Where(p, "build"), value);
            case "depends_on" -> dependsOn(new Where(p, "depends_on"), value);
            case "env_file" -> envFile(new Where(p, "env_file"), value);
            case "label_file", "dns" -> stringOrList(value);
            case "extends" -> extendsRef(new Where(p, "extends"), value);
            case "gpus" -> gpus(new Where(p, "gpus"), value);
            case "networks" -> serviceNetworks(value);
            case "volumes" -> eachItem(value, v -> volumeMount(new Where(p, "volumes"), v));
            case "devices" -> eachItem(value, v -> deviceMapping(new Where(p, "devices"), v));
            case "secrets", "configs" -> eachItem(value, v -> fileMount(new Where(p, key), v));
            case "ports" -> ports(new Where(p, "ports"), value);
            case "ulimits" -> value instanceof MapNode m ? m.mapValues((k, v) -> ulimit(new Where(new Where(p, "ulimits"), k), v)) : value;
            default -> value;
        });
    }

    private Node build(Object p, Node value) {
        if (value instanceof ScalarNode s && s.value() instanceof String str) {
            return MapNode.builder(s.mark()).put("context", s.mark(), s.withValue(str)).build();
        }
        if (!(value instanceof MapNode build)) {
            throw error(value, p + ": invalid type " + Nodes.goType(value) + " for build");
        }
        return build.mapValues((key, v) -> switch (key) {
            case "secrets" -> eachItem(v, item -> fileMount(new Where(p, "secrets"), item));
            case "additional_contexts" -> keyValue(new Where(p, "additional_contexts"), v);
            case "ssh" -> ssh(new Where(p, "ssh"), v);
            case "ulimits" -> v instanceof MapNode m ? m.mapValues((k, u) -> ulimit(new Where(new Where(p, "ulimits"), k), u)) : v;
            default -> v;
        });
    }

    private interface ItemTransform {
        Node apply(Node item);
    }

    private static Node eachItem(Node value, ItemTransform fn) {
        if (!(value instanceof SeqNode seq)) {
            return value;
        }
        List<Node> items = new ArrayList<>(seq.size());
        boolean changed = false;
        for (Node item : seq.items()) {
            Node out = fn.apply(item);
            changed |= out != item;
            items.add(out);
        }
        return changed ? new SeqNode(items, seq.mark(), seq.tag()) : seq;
    }

    private Node dependsOn(Object p, Node value) {
        if (value instanceof MapNode m) {
            return m.mapValues((svc, d) -> {
                if (!(d instanceof MapNode dep)) {
                    throw error(d, p + "." + svc + ": unsupported value " + GoText.of(Nodes.toPlain(m)));
                }
                MapNode.Builder b = dep.toBuilder();
                if (!dep.has("condition")) {
                    b.put("condition", new ScalarNode("service_started", dep.mark()));
                }
                if (!dep.has("required")) {
                    b.put("required", new ScalarNode(true, dep.mark()));
                }
                return b.build();
            });
        }
        if (value instanceof SeqNode seq) {
            MapNode.Builder b = MapNode.builder(seq.mark());
            for (Node item : seq.items()) {
                String svc = Nodes.string(item);
                if (svc == null) {
                    throw error(item, p + ": invalid type " + Nodes.goType(item) + " for depend_on");
                }
                b.put(svc, item.mark(), MapNode.builder(item.mark())
                        .put("condition", new ScalarNode("service_started", item.mark()))
                        .put("required", new ScalarNode(true, item.mark()))
                        .build());
            }
            return b.build();
        }
        throw error(value, p + ": invalid type " + Nodes.goType(value) + " for depend_on");
    }

    private Node envFile(Object p, Node value) {
        if (value instanceof ScalarNode s && s.value() instanceof String) {
            return new SeqNode(List.of(envFileEntry(s)), s.mark());
        }
        if (value instanceof SeqNode seq) {
            List<Node> items = new ArrayList<>();
            for (Node item : seq.items()) {
                items.add(envFileEntry(item));
            }
            return new SeqNode(items, seq.mark(), seq.tag());
        }
        throw error(value, p + ": invalid type " + Nodes.goType(value) + " for env_file");
    }

    private static Node envFileEntry(Node item) {
        if (item instanceof ScalarNode s && s.value() instanceof String) {
            return MapNode.builder(s.mark()).put("path", s).put("required", new ScalarNode(true, s.mark())).build();
        }
        if (item instanceof MapNode m) {
            return m.has("required") ? m : m.with("required", new ScalarNode(true, m.mark()));
        }
        return new ScalarNode(null, item.mark());
    }

    private static Node stringOrList(Node value) {
        if (value instanceof ScalarNode s && s.value() instanceof String) {
            return new SeqNode(List.of(s), s.mark());
        }
        return value;
    }

    private Node extendsRef(Object p, Node value) {
        if (value instanceof ScalarNode s && s.value() instanceof String) {
            return MapNode.builder(s.mark()).put("service", s).build();
        }
        if (value instanceof MapNode) {
            return value;
        }
        throw error(value, p + ": invalid type " + Nodes.goType(value) + " for extends");
    }

    private Node gpus(Object p, Node value) {
        if (value instanceof SeqNode) {
            return value;
        }
        if (value instanceof ScalarNode s && s.value() instanceof String) {
            return new SeqNode(List.of(MapNode.builder(s.mark()).put("count", new ScalarNode("all", s.mark())).build()),
                    s.mark());
        }
        throw error(value, p + ": invalid type " + Nodes.goType(value) + " for gpus");
    }

    private static Node serviceNetworks(Node value) {
        if (value instanceof SeqNode seq) {
            MapNode.Builder b = MapNode.builder(seq.mark());
            for (Node item : seq.items()) {
                String name = Nodes.string(item);
                b.put(name != null ? name : ((ScalarNode) item).text(), item.mark(), new ScalarNode(null, item.mark()));
            }
            return b.build();
        }
        return value;
    }

    private Node volumeMount(Object p, Node value) {
        if (value instanceof MapNode) {
            return value;
        }
        if (value instanceof ScalarNode s && s.value() instanceof String spec) {
            try {
                return Nodes.of(VolumeSpec.parse(spec), s.mark());
            } catch (ComposeException e) {
                if (ignoreParseErrors) {
                    return value;
                }
                throw new ComposeException(e.failure(), s.mark().prefix(e.getMessage()));
            }
        }
        throw error(value, p + ".[]: invalid type " + Nodes.goType(value) + " for service volume mount");
    }

    private Node deviceMapping(Object p, Node value) {
        if (value instanceof MapNode) {
            return value;
        }
        if (value instanceof ScalarNode s && s.value() instanceof String spec) {
            String[] arr = spec.split(":", -1);
            String src = "";
            String dst = "";
            String permissions = "rwm";
            switch (arr.length) {
                case 3 -> {
                    permissions = arr[2];
                    dst = arr[1];
                    src = arr[0];
                }
                case 2 -> {
                    dst = arr[1];
                    src = arr[0];
                }
                case 1 -> src = arr[0];
                default -> {
                    if (!ignoreParseErrors) {
                        throw error(s, "confusing device mapping, please use long syntax: " + spec);
                    }
                }
            }
            if (dst.isEmpty()) {
                dst = src;
            }
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("source", src);
            m.put("target", dst);
            m.put("permissions", permissions);
            return Nodes.of(m, s.mark());
        }
        throw error(value, p + ".[]: invalid type " + Nodes.goType(value) + " for service volume mount");
    }

    private Node fileMount(Object p, Node value) {
        if (value instanceof MapNode) {
            return value;
        }
        if (value instanceof ScalarNode s && s.value() instanceof String) {
            return MapNode.builder(s.mark()).put("source", s).build();
        }
        throw error(value, p + ".[]: unsupported type " + Nodes.goType(value));
    }

    private Node ports(Object p, Node value) {
        if (!(value instanceof SeqNode seq)) {
            throw error(value, p + ": invalid type " + Nodes.goType(value) + " for port");
        }
        List<Node> out = new ArrayList<>();
        for (Node entry : seq.items()) {
            if (entry instanceof MapNode) {
                out.add(entry);
                continue;
            }
            ScalarNode s = entry instanceof ScalarNode sc ? sc : null;
            if (s == null || !(s.value() instanceof String || s.value() instanceof Long)) {
                throw error(entry, p + ": invalid type " + Nodes.goType(entry) + " for port");
            }
            try {
                for (PortSpec.Binding b : PortSpec.parse(s.text())) {
                    out.add(Nodes.of(PortSpec.toLongSyntax(b), s.mark()));
                }
            } catch (PortSpec.InvalidPortException e) {
                if (ignoreParseErrors && s.value() instanceof String) {
                    return value;
                }
                throw error(entry, e.getMessage());
            }
        }
        return new SeqNode(out, seq.mark(), seq.tag());
    }

    private Node ulimit(Object p, Node value) {
        if (value instanceof MapNode || (value instanceof ScalarNode s && s.value() instanceof Long)) {
            return value;
        }
        throw error(value, p + ": invalid type " + Nodes.goType(value) + " for external");
    }

    private Node keyValue(Object p, Node value) {
        if (value instanceof MapNode) {
            return value;
        }
        if (value instanceof SeqNode seq) {
            MapNode.Builder b = MapNode.builder(seq.mark());
            for (Node item : seq.items()) {
                String s = Nodes.string(item);
                int eq = s == null ? -1 : s.indexOf('=');
                if (eq < 0) {
                    if (ignoreParseErrors) {
                        return value;
                    }
                    throw error(item, p + ": invalid value " + (s == null ? ((ScalarNode) item).text() : s)
                            + ", expected key=value");
                }
                b.put(s.substring(0, eq), item.mark(), new ScalarNode(s.substring(eq + 1), item.mark()));
            }
            return b.build();
        }
        throw error(value, p + ": invalid type " + Nodes.goType(value));
    }

    private Node ssh(Object p, Node value) {
        if (value instanceof MapNode) {
            return value;
        }
        if (value instanceof SeqNode seq) {
            MapNode.Builder b = MapNode.builder(seq.mark());
            for (Node item : seq.items()) {
                String s = Nodes.string(item);
                if (s == null) {
                    throw error(item, "invalid ssh key type " + Nodes.goType(item));
                }
                int eq = s.indexOf('=');
                if (eq < 0) {
                    if (!s.equals("default")) {
                        throw error(item, "invalid ssh key \"" + s + "\"");
                    }
                    b.put(s, item.mark(), new ScalarNode(null, item.mark()));
                    continue;
                }
                b.put(s.substring(0, eq), item.mark(), new ScalarNode(s.substring(eq + 1), item.mark()));
            }
            return b.build();
        }
        throw error(value, p + ": invalid type " + Nodes.goType(value) + " for ssh");
    }

    private Node maybeExternal(Object p, Node value) {
        if (!(value instanceof MapNode resource)) {
            return value;
        }
        Node ext = resource.get("external");
        if (ext instanceof MapNode external) {
            MapNode.Builder b = resource.toBuilder().put("external", resource.keyMark("external"),
                    new ScalarNode(true, external.mark()));
            Node extName = external.get("name");
            if (extName != null) {
                warnings.warn(p + ": external.name is deprecated. Please set name and external: true");
                Node name = resource.get("name");
                if (name != null && !Nodes.toPlainEquals(name, extName)) {
                    throw error(name, p + ": name and external.name conflict; only use name");
                }
                if (name == null) {
                    b.put("name", extName);
                }
            }
            return b.build();
        }
        return resource;
    }

    private Node include(SeqNode seq) {
        List<Node> items = new ArrayList<>();
        for (Node item : seq.items()) {
            if (item instanceof ScalarNode s && s.value() instanceof String) {
                items.add(MapNode.builder(s.mark()).put("path", s).build());
            } else {
                items.add(item);
            }
        }
        return new SeqNode(items, seq.mark(), seq.tag());
    }

    /** A dotted tree path for messages, rendered only when one is needed. */
    private record Where(Object parent, String key) {
        @Override
        public String toString() {
            return parent + "." + key;
        }
    }

    private static ComposeException error(Node at, String message) {
        Mark m = at == null ? Mark.NONE : at.mark();
        return ComposeException.invalid(m.prefix(message));
    }
}
