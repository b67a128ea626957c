package io.github.compose4j.load.canonical;

import io.github.compose4j.error.ComposeException;
import io.github.compose4j.load.tree.GoFormat;
import io.github.compose4j.load.tree.GoText;
import io.github.compose4j.load.tree.MapNode;
import io.github.compose4j.load.tree.Node;
import io.github.compose4j.load.tree.Nodes;
import io.github.compose4j.load.tree.ScalarNode;
import io.github.compose4j.load.tree.SeqNode;
import io.github.compose4j.model.Build;
import io.github.compose4j.model.Bytes;
import io.github.compose4j.model.DeviceRequest;
import io.github.compose4j.model.Duration;
import io.github.compose4j.model.Extensions;
import io.github.compose4j.model.FileObject;
import io.github.compose4j.model.Healthcheck;
import io.github.compose4j.model.HostList;
import io.github.compose4j.model.Resource;
import io.github.compose4j.model.Service;
import io.github.compose4j.model.ServiceHook;
import io.github.compose4j.model.SshKey;
import io.github.compose4j.model.Ulimit;
import io.github.compose4j.model.codec.RecordShape;

import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Binds a canonical tree to the model records: the only step from untyped to typed data. Follows
 * the conversions Compose applies while decoding (numbers to text, {@code "yes"} to true, byte sizes,
 * durations, shell-split commands...), and reports a value it cannot convert with its position.
 */
public final class ModelBinder {
    private ModelBinder() {
    }

    /** Binds a record type from a mapping. */
    public static <T extends Record> T bind(MapNode node, Class<T> type, String path) {
        return type.cast(record(node, type, path, null, null));
    }

    /** A record of the given type with every component at its zero value. */
    public static <T extends Record> T zero(Class<T> type) {
        return type.cast(plan(type).zero());
    }

    /** Turns one node into a model value; {@code path} renders the position for messages only. */
    interface Decoder {
        Object decode(Node node, Object path);
    }

    /** A lazily rendered tree path ({@code services.web.ports[0]}), built only for messages. */
    private record Loc(Object parent, Object key, boolean bracketed) {
        Loc(Object parent, Object key) {
            this(parent, key, key instanceof Integer);
        }

        /** Renders as Compose's decoder names fields: {@code services[web].ports[0].target}. */
        @Override
        public String toString() {
            String p = parent == null ? "" : parent.toString();
            if (bracketed) {
                return p + "[" + key + "]";
            }
            return p.isEmpty() ? key.toString() : p + "." + key;
        }
    }

    private static final Decoder STRING = ModelBinder::string;
    private static final Map<Type, Decoder> DECODERS = new java.util.concurrent.ConcurrentHashMap<>();
    private static final Map<Class<?>, Plan> PLANS = new java.util.concurrent.ConcurrentHashMap<>();

    /** Binds a value of any supported model type. */
    public static Object value(Node node, Type type, String path) {
        return decoder(type).decode(node, path);
    }

    private static Decoder decoder(Type type) {
        Decoder d = DECODERS.get(type);
        if (d == null) {
            d = compile(type);
            DECODERS.put(type, d);
        }
        return d;
    }

    private static Decoder compile(Type type) {
        Class<?> raw = rawClass(type);
        if (raw == Optional.class) {
            Decoder inner = decoder(typeArg(type, 0));
            return (node, path) -> Nodes.isNull(node) ? Optional.empty() : Optional.of(inner.decode(node, path));
        }
        if (raw == String.class) {
            return STRING;
        }
        if (raw == long.class || raw == Long.class) {
            return ModelBinder::integer;
        }
        if (raw == float.class || raw == Float.class) {
            return (node, path) -> (float) floating(node, path);
        }
        if (raw == boolean.class || raw == Boolean.class) {
            return ModelBinder::bool;
        }
        if (raw == Bytes.class) {
            return ModelBinder::bytes;
        }
        if (raw == Duration.class) {
            return ModelBinder::duration;
        }
        if (raw == HostList.class) {
            return ModelBinder::hostList;
        }
        if (raw == Ulimit.class) {
            return ModelBinder::ulimit;
        }
        if (raw == Extensions.class) {
            return (node, path) -> node instanceof MapNode m ? new Extensions(plainMap(m)) : Extensions.NONE;
        }
        if (raw == List.class) {
            Type elementType = typeArg(type, 0);
            return (node, path) -> list(node, decoder(elementType), path);
        }
        if (raw == Map.class) {
            Type valueType = typeArg(type, 1);
            Class<?> valueRaw = rawClass(valueType);
            boolean optionalString = valueRaw == Optional.class && rawClass(typeArg(valueType, 0)) == String.class;
            return (node, path) -> map(node, valueRaw, optionalString, decoder(valueType), path);
        }
        if (raw.isRecord()) {
            return (node, path) -> {
                if (node != null && !(node instanceof MapNode) && !Nodes.isNull(node)) {
                    throw unconvertible(node, path, "map");
                }
                return record(node instanceof MapNode m ? m : null, raw, path, null, null);
            };
        }
        throw new IllegalStateException("unsupported model type " + type);
    }

    /** How each component of a record type is read: its key, decoder and value when absent. */
    private record Plan(RecordShape shape, String[] keys, String[] lowerKeys, Decoder[] decoders, Object[] zeros,
                        boolean[] extensions, Object zero, Map<String, Integer> slots, Map<String, Integer> names) {
    }

    private static Plan plan(Class<?> type) {
        Plan p = PLANS.get(type);
        if (p == null) {
            RecordShape shape = RecordShape.of(type);
            List<RecordShape.Component> cs = shape.components();
            int n = cs.size();
            String[] keys = new String[n];
            String[] lower = new String[n];
            Decoder[] decoders = new Decoder[n];
            Object[] zeros = new Object[n];
            boolean[] ext = new boolean[n];
            for (int i = 0; i < n; i++) {
                RecordShape.Component c = cs.get(i);
                keys[i] = c.serializedName();
                lower[i] = keys[i].toLowerCase(java.util.Locale.ROOT);
                ext[i] = c.rawType() == Extensions.class;
                decoders[i] = ext[i] ? null : special(type, c.name(), c.type());
                zeros[i] = ext[i] ? Extensions.NONE
                        : (type == FileObject.class && c.name().equals("content")) ? "" : zeroOf(c.type(), type);
            }
            Object zero = shape.construct(zeros.clone());
            Map<String, Integer> slots = new java.util.HashMap<>();
            Map<String, Integer> names = new java.util.HashMap<>();
            for (int i = 0; i < n; i++) {
                slots.putIfAbsent(keys[i], i);
                names.put(cs.get(i).name(), i);
            }
            p = new Plan(shape, keys, lower, decoders, zeros, ext, zero, Map.copyOf(slots), Map.copyOf(names));
            PLANS.put(type, p);
        }
        return p;
    }

    /** Binds a record; {@code presetComponent}, when given, takes {@code presetValue} instead. */
    static Object record(MapNode node, Class<?> type, Object path, String presetComponent, Object presetValue) {
        Plan plan = plan(type);
        if (node == null && presetComponent == null) {
            return plan.zero();
        }
        int n = plan.keys().length;
        int preset = -1;
        if (presetComponent != null) {
            Integer at = plan.names().get(presetComponent);
            preset = at == null ? -1 : at;
        }
        // One pass over the mapping's entries (a handful) rather than a lookup per component (dozens).
        Node[] children = new Node[n];
        Map<String, Node> folded = null;
        boolean[] extensions = plan.extensions();
        boolean hasExtensions = false;
        if (node != null) {
            for (int e = 0, size = node.size(); e < size; e++) {
                String k = node.keyAt(e);
                Integer at = plan.slots().get(k);
                boolean extension = k.length() > 1 && k.charAt(0) == 'x' && k.charAt(1) == '-';
                hasExtensions |= extension;
                if (at != null) {
                    if (!extensions[at]) {
                        children[at] = node.valueAt(e);
                    }
                } else if (!extension) {
                    // Compose's decoder also matches field names ignoring case; exact names win.
                    if (folded == null) {
                        folded = new java.util.HashMap<>();
                    }
                    folded.putIfAbsent(k.toLowerCase(java.util.Locale.ROOT), node.valueAt(e));
                }
            }
        }
        Object[] values = new Object[n];
        for (int i = 0; i < n; i++) {
            if (i == preset) {
                values[i] = presetValue;
                continue;
            }
            if (extensions[i]) {
                values[i] = hasExtensions ? extensions(node) : Extensions.NONE;
                continue;
            }
            Node child = children[i];
            if (child == null && folded != null) {
                child = folded.get(plan.lowerKeys()[i]);
            }
            values[i] = child == null ? plan.zeros()[i] : plan.decoders()[i].decode(child, new Loc(path, plan.keys()[i]));
        }
        return plan.shape().construct(values);
    }

    /** Components whose decoding differs from their Java type's usual one. */
    private static Decoder special(Class<?> owner, String component, Type type) {
        if ((owner == Service.class && (component.equals("command") || component.equals("entrypoint")))
                || (owner == ServiceHook.class && component.equals("command"))) {
            return ModelBinder::shellCommand;
        }
        if (owner == Healthcheck.class && component.equals("test")) {
            return ModelBinder::healthcheckTest;
        }
        if (owner == DeviceRequest.class && component.equals("count")) {
            return ModelBinder::deviceCount;
        }
        if (owner == Resource.class && component.equals("cpus")) {
            return (node, path) -> (float) nanoCpus(node, path);
        }
        if (owner == Build.class && component.equals("ssh")) {
            return (node, path) -> sshKeys(node);
        }
        return decoder(type);
    }

    private static Object zeroOf(Type type, Class<?> owner) {
        Class<?> raw = rawClass(type);
        if (raw == String.class) {
            return "";
        }
        if (raw == long.class) {
            return 0L;
        }
        if (raw == float.class) {
            return 0f;
        }
        if (raw == boolean.class) {
            return false;
        }
        if (raw == Optional.class) {
            return Optional.empty();
        }
        if (raw == List.class) {
            return List.of();
        }
        if (raw == Map.class) {
            return Map.of();
        }
        if (raw == Bytes.class) {
            return Bytes.ZERO;
        }
        if (raw == Duration.class) {
            return Duration.ZERO;
        }
        if (raw == HostList.class) {
            return HostList.EMPTY;
        }
        if (raw == Extensions.class) {
            return Extensions.NONE;
        }
        if (raw.isRecord() && raw != owner) {
            return plan(raw).zero();
        }
        throw new IllegalStateException("no zero value for " + type);
    }

    private static Extensions extensions(MapNode node) {
        Map<String, Object> ext = null;
        for (Map.Entry<String, Node> e : node.entries().entrySet()) {
            if (e.getKey().startsWith("x-") && !e.getKey().equals("x-#value")) {
                if (ext == null) {
                    ext = new LinkedHashMap<>();
                }
                ext.put(e.getKey(), Nodes.toPlain(e.getValue()));
            }
        }
        return ext == null ? Extensions.NONE : new Extensions(ext);
    }

    private static String string(Node node, Object path) {
        if (Nodes.isNull(node)) {
            return "";
        }
        if (node instanceof ScalarNode s) {
            if (s.value() instanceof String str) {
                return str;
            }
            if (s.value() instanceof Long l) {
                return Long.toString(l);
            }
        }
        throw unconvertible(node, path, "string");
    }

    private static long integer(Node node, Object path) {
        if (Nodes.isNull(node)) {
            return 0;
        }
        if (node instanceof ScalarNode s) {
            Object v = s.value();
            if (v instanceof Long l) {
                return l;
            }
            if (v instanceof Double d) {
                return d.longValue();
            }
            if (v instanceof String str) {
                try {
                    return Long.parseLong(str);
                } catch (NumberFormatException e) {
                    throw fail(node, path + ": strconv.ParseInt: parsing \"" + str + "\": invalid syntax");
                }
            }
        }
        throw unconvertible(node, path, "int");
    }

    private static double floating(Node node, Object path) {
        if (Nodes.isNull(node)) {
            return 0;
        }
        if (node instanceof ScalarNode s) {
            Object v = s.value();
            if (v instanceof Long l) {
                return l;
            }
            if (v instanceof Double d) {
                return d;
            }
            if (v instanceof String str) {
                try {
                    return Double.parseDouble(str);
                } catch (NumberFormatException e) {
                    throw fail(node, path + ": strconv.ParseFloat: parsing \"" + str + "\": invalid syntax");
                }
            }
        }
        throw unconvertible(node, path, "float32");
    }

    private static boolean bool(Node node, Object path) {
        if (Nodes.isNull(node)) {
            return false;
        }
        if (node instanceof ScalarNode s) {
            if (s.value() instanceof Boolean b) {
                return b;
            }
            if (s.value() instanceof String str) {
                return switch (str.toLowerCase(java.util.Locale.ROOT)) {
                    case "true", "y", "yes", "on" -> true;
                    case "false", "n", "no", "off" -> false;
                    default -> throw fail(node, path + ": invalid boolean: " + str);
                };
            }
        }
        throw unconvertible(node, path, "bool");
    }

    private static Bytes bytes(Node node, Object path) {
        if (node instanceof ScalarNode s) {
            if (s.value() instanceof Long l) {
                return new Bytes(l);
            }
            if (s.value() instanceof String str) {
                try {
                    return new Bytes(UnitParsers.ramInBytes(str));
                } catch (IllegalArgumentException e) {
                    throw decodeFailure(node, path, e.getMessage());
                }
            }
        }
        return Bytes.ZERO;
    }

    private static Duration duration(Node node, Object path) {
        String text = node instanceof ScalarNode s ? s.text() : GoText.of(Nodes.toPlain(node));
        try {
            return new Duration(UnitParsers.goDuration(text));
        } catch (IllegalArgumentException e) {
            throw decodeFailure(node, path, e.getMessage());
        }
    }

    private static HostList hostList(Node node, Object path) {
        Map<String, List<String>> hosts = new LinkedHashMap<>();
        if (node instanceof MapNode m) {
            for (Map.Entry<String, Node> e : m.entries().entrySet()) {
                Node v = e.getValue();
                if (Nodes.isNull(v)) {
                    hosts.put(e.getKey(), new ArrayList<>(List.of("")));
                } else if (v instanceof ScalarNode s && s.value() instanceof String str) {
                    hosts.put(e.getKey(), new ArrayList<>(List.of(str)));
                } else if (v instanceof SeqNode seq) {
                    List<String> ips = new ArrayList<>();
                    for (Node ip : seq.items()) {
                        ips.add(GoText.of(Nodes.toPlain(ip)));
                    }
                    hosts.put(e.getKey(), ips);
                } else {
                    throw decodeFailure(v, path, "unexpected value type " + Nodes.goType(m) + " for extra_hosts entry");
                }
            }
        } else if (node instanceof SeqNode seq) {
            for (Node item : seq.items()) {
                String s = GoText.of(Nodes.toPlain(item));
                int sep = s.indexOf('=');
                if (sep < 0) {
                    sep = s.indexOf(':');
                }
                if (sep < 0) {
                    throw decodeFailure(item, path, "invalid additional host, missing IP: " + s);
                }
                String host = s.substring(0, sep);
                List<String> ips = hosts.computeIfAbsent(host, k -> new ArrayList<>());
                Collections.addAll(ips, s.substring(sep + 1).split(",", -1));
            }
        } else if (!Nodes.isNull(node)) {
            throw decodeFailure(node, path, "unexpected value type " + Nodes.goType(node) + " for extra_hosts");
        }
        for (Map.Entry<String, List<String>> e : hosts.entrySet()) {
            String host = e.getKey();
            if (host.isEmpty() || host.contains(":") || host.contains("=")) {
                throw decodeFailure(node, path, "bad host name '" + host + "'");
            }
            List<String> ips = e.getValue();
            for (int i = 0; i < ips.size(); i++) {
                String ip = ips.get(i);
                if (ip.length() > 2 && ip.startsWith("[") && ip.endsWith("]")) {
                    ips.set(i, ip.substring(1, ip.length() - 1));
                }
            }
        }
        return new HostList(hosts);
    }

    private static Ulimit ulimit(Node node, Object path) {
        if (node instanceof ScalarNode s && s.value() instanceof Long l) {
            return new Ulimit(l, 0, 0, Extensions.NONE);
        }
        if (node instanceof MapNode m) {
            return new Ulimit(0, integer(m.get("soft"), path + ".soft"), integer(m.get("hard"), path + ".hard"),
                    extensions(m));
        }
        if (Nodes.isNull(node)) {
            return new Ulimit(0, 0, 0, Extensions.NONE);
        }
        throw decodeFailure(node, path, "unexpected value type " + Nodes.goType(node) + " for ulimit");
    }

    private static List<Object> list(Node node, Decoder element, Object path) {
        if (Nodes.isNull(node)) {
            return List.of();
        }
        if (node instanceof SeqNode seq) {
            List<Object> out = new ArrayList<>(seq.size());
            int i = 0;
            for (Node item : seq.items()) {
                out.add(element.decode(item, new Loc(path, i++)));
            }
            return Collections.unmodifiableList(out);
        }
        if (node instanceof ScalarNode s && s.value() instanceof String && element == STRING) {
            return List.of(s.value());
        }
        throw unconvertible(node, path, "slice");
    }

    private static Map<String, Object> map(Node node, Class<?> raw, boolean optionalString, Decoder value, Object path) {
        if (Nodes.isNull(node)) {
            return Map.of();
        }
        Map<String, Object> out = new LinkedHashMap<>();
        if (node instanceof MapNode m) {
            for (Map.Entry<String, Node> e : m.entries().entrySet()) {
                Node v = e.getValue();
                if (raw == String.class) {
                    out.put(e.getKey(), Nodes.isNull(v) ? "" : sprint(v));
                } else if (optionalString) {
                    out.put(e.getKey(), Nodes.isNull(v) ? Optional.empty() : Optional.of(sprint(v)));
                } else {
                    out.put(e.getKey(), value.decode(v, new Loc(path, e.getKey(), true)));
                }
            }
            return Collections.unmodifiableMap(out);
        }
        if (node instanceof SeqNode seq && (raw == String.class || optionalString)) {
            for (Node item : seq.items()) {
                String s = sprint(item);
                int eq = s.indexOf('=');
                String k = eq < 0 ? s : s.substring(0, eq);
                if (optionalString) {
                    out.put(k, eq < 0 ? Optional.empty() : Optional.of(s.substring(eq + 1)));
                } else {
                    out.put(k, eq < 0 ? "" : s.substring(eq + 1));
                }
            }
            return Collections.unmodifiableMap(out);
        }
        throw unconvertible(node, path, "map");
    }

    private static Object shellCommand(Node node, Object path) {
        if (Nodes.isNull(node)) {
            return Optional.empty();
        }
        if (node instanceof ScalarNode s && s.value() instanceof String str) {
            try {
                return Optional.of(List.copyOf(ShellWords.split(str)));
            } catch (ComposeException e) {
                throw decodeFailure(node, path, e.getMessage());
            }
        }
        if (node instanceof SeqNode seq) {
            List<String> out = new ArrayList<>();
            for (Node item : seq.items()) {
                out.add(string(item, path));
            }
            return Optional.of(Collections.unmodifiableList(out));
        }
        return Optional.empty();
    }

    private static Object healthcheckTest(Node node, Object path) {
        if (Nodes.isNull(node)) {
            return List.of();
        }
        if (node instanceof ScalarNode s && s.value() instanceof String str) {
            return List.of("CMD-SHELL", str);
        }
        if (node instanceof SeqNode seq) {
            List<String> out = new ArrayList<>();
            for (Node item : seq.items()) {
                out.add(string(item, path));
            }
            return Collections.unmodifiableList(out);
        }
        throw decodeFailure(node, path, "unexpected value type " + Nodes.goType(node) + " for healthcheck.test");
    }

    private static Object deviceCount(Node node, Object path) {
        if (Nodes.isNull(node)) {
            return 0;
        }
        if (node instanceof ScalarNode s) {
            if (s.value() instanceof Long l) {
                return l;
            }
            if (s.value() instanceof String str) {
                if (str.equalsIgnoreCase("all")) {
                    return -1;
                }
                try {
                    return Long.parseLong(str);
                } catch (NumberFormatException e) {
                    throw decodeFailure(node, path, "invalid value \"" + str + "\", the only value allowed is 'all' or a number");
                }
            }
        }
        throw decodeFailure(node, path, "invalid type " + Nodes.goType(node) + " for device count");
    }

    private static double nanoCpus(Node node, Object path) {
        if (Nodes.isNull(node)) {
            return 0;
        }
        if (node instanceof ScalarNode s) {
            if (s.value() instanceof String str) {
                try {
                    return Double.parseDouble(str);
                } catch (NumberFormatException e) {
                    throw fail(node, path + ": strconv.ParseFloat: parsing \"" + str + "\": invalid syntax");
                }
            }
            if (s.value() instanceof Long l) {
                return l;
            }
            if (s.value() instanceof Double d) {
                return d;
            }
        }
        throw decodeFailure(node, path, "unexpected value type " + Nodes.goType(node) + " for cpus");
    }

    private static List<SshKey> sshKeys(Node node) {
        if (!(node instanceof MapNode m)) {
            return List.of();
        }
        List<SshKey> keys = new ArrayList<>();
        m.entries().forEach((id, path) -> keys.add(new SshKey(id, Nodes.isNull(path) ? "" : sprint(path))));
        return List.copyOf(keys);
    }

    private static String sprint(Node node) {
        if (node instanceof ScalarNode s) {
            return GoFormat.sprint(s.value());
        }
        return GoText.of(Nodes.toPlain(node));
    }

    private static Map<String, Object> plainMap(MapNode m) {
        Map<String, Object> out = new LinkedHashMap<>();
        m.entries().forEach((k, v) -> out.put(k, Nodes.toPlain(v)));
        return out;
    }

    static Class<?> rawClass(Type type) {
        if (type instanceof Class<?> c) {
            return c;
        }
        if (type instanceof ParameterizedType p) {
            return (Class<?>) p.getRawType();
        }
        throw new IllegalStateException("unsupported type " + type);
    }

    static Type typeArg(Type type, int index) {
        return ((ParameterizedType) type).getActualTypeArguments()[index];
    }

    private static ComposeException unconvertible(Node node, Object path, String expected) {
        return fail(node, "'" + path + "' expected type '" + expected + "', got unconvertible type '"
                + Nodes.goType(node) + "', value: '" + GoText.of(Nodes.toPlain(node)) + "'");
    }

    /**
     * A value Compose's own decoding of a model type rejects; {@code path} is in the decoder's notation
     * ({@code services[web].gpus[0].count}).
     */
    private static ComposeException decodeFailure(Node node, Object path, String message) {
        return fail(node, "decoding failed due to the following error(s):\n\nerror decoding '" + path + "': " + message);
    }

    private static ComposeException fail(Node node, String message) {
        return ComposeException.invalid(node == null ? message : node.mark().prefix(message));
    }
}
