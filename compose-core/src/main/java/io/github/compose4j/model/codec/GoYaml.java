package io.github.compose4j.model.codec;

import io.github.compose4j.model.Bytes;
import io.github.compose4j.model.Duration;
import io.github.compose4j.model.EnvFile;
import io.github.compose4j.model.Extensions;
import io.github.compose4j.model.FileObject;
import io.github.compose4j.model.HostList;
import io.github.compose4j.model.Project;
import io.github.compose4j.model.SshKey;
import io.github.compose4j.model.Ulimit;
import org.snakeyaml.engine.v2.api.Dump;
import org.snakeyaml.engine.v2.api.DumpSettings;
import org.snakeyaml.engine.v2.common.FlowStyle;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Model values as YAML, following the rules of Compose's YAML encoder: struct fields in order,
 * {@code omitempty} that also drops all-zero structs, extensions inlined, map keys sorted.
 */
public final class GoYaml {
    private GoYaml() {
    }

    static Map<String, Object> project(Project p, Map<String, FileObject> secrets, Map<String, FileObject> configs) {
        Map<String, Object> m = new LinkedHashMap<>();
        if (!p.name().isEmpty()) {
            m.put("name", p.name());
        }
        m.put("services", plain(p.services()));
        putIfNotEmpty(m, "networks", p.networks());
        putIfNotEmpty(m, "volumes", p.volumes());
        putIfNotEmpty(m, "secrets", secrets);
        putIfNotEmpty(m, "configs", configs);
        sorted(p.extensions().values()).forEach((k, v) -> m.put(k, v));
        return m;
    }

    private static void putIfNotEmpty(Map<String, Object> m, String key, Map<String, ?> value) {
        if (!value.isEmpty()) {
            m.put(key, plain(value));
        }
    }

    /** Plain YAML data (maps, lists, scalars) for a model value. */
    public static Object plain(Object v) {
        if (v == null || v instanceof String || v instanceof Boolean || v instanceof Long || v instanceof Integer) {
            return v;
        }
        if (v instanceof Float f) {
            return Double.valueOf(GoJson.formatFloat(f, 32));
        }
        if (v instanceof Double d) {
            return d;
        }
        if (v instanceof Optional<?> o) {
            return plain(o.orElse(null));
        }
        if (v instanceof Bytes b) {
            return Long.toString(b.value());
        }
        if (v instanceof Duration d) {
            return d.toString();
        }
        if (v instanceof HostList h) {
            return h.asList("=");
        }
        if (v instanceof EnvFile e) {
            if (e.required()) {
                return e.path();
            }
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("path", e.path());
            m.put("required", false);
            return m;
        }
        if (v instanceof SshKey k) {
            return k.path().isEmpty() ? k.id() : k.id() + ": " + k.path();
        }
        if (v instanceof Ulimit u) {
            if (u.single() != 0) {
                return u.single();
            }
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("soft", u.soft());
            m.put("hard", u.hard());
            return m;
        }
        if (v instanceof Map<?, ?> map) {
            Map<String, Object> out = new LinkedHashMap<>();
            sorted(map).forEach((k, val) -> out.put(k, plain(val)));
            return out;
        }
        if (v instanceof Collection<?> c) {
            List<Object> out = new ArrayList<>(c.size());
            c.forEach(e -> out.add(plain(e)));
            return out;
        }
        if (v instanceof Record r) {
            return record(r);
        }
        throw new IllegalArgumentException("cannot serialize " + v.getClass().getName());
    }

    private static Map<String, Object> record(Record r) {
        Map<String, Object> out = new LinkedHashMap<>();
        for (RecordShape.Component c : RecordShape.of(r.getClass()).components()) {
            if (c.hidden()) {
                continue;
            }
            Object value = c.get(r);
            if (value instanceof Extensions e) {
                sorted(e.values()).forEach(out::put);
                continue;
            }
            if (c.yamlOmitEmpty() && isZero(value)) {
                continue;
            }
            out.put(c.serializedName(), plain(value));
        }
        return out;
    }

    /** Go's YAML {@code omitempty}: like JSON's, but structs whose fields are all zero count as empty. */
    static boolean isZero(Object v) {
        if (v instanceof Record r && !(v instanceof Bytes) && !(v instanceof Duration) && !(v instanceof HostList)
                && !(v instanceof Extensions)) {
            for (RecordShape.Component c : RecordShape.of(r.getClass()).components()) {
                if (!isZero(c.get(r))) {
                    return false;
                }
            }
            return true;
        }
        return GoJson.isEmpty(v);
    }

    private static Map<String, Object> sorted(Map<?, ?> map) {
        List<String> keys = new ArrayList<>();
        map.keySet().forEach(k -> keys.add((String) k));
        keys.sort(GoJson.KEY_ORDER);
        Map<String, Object> out = new LinkedHashMap<>();
        keys.forEach(k -> out.put(k, map.get(k)));
        return out;
    }

    /** Block-style YAML text with two-space indentation. */
    public static String dump(Object plainValue) {
        DumpSettings settings = DumpSettings.builder()
                .setDefaultFlowStyle(FlowStyle.BLOCK)
                .setIndent(2)
                .setIndicatorIndent(2)
                .setIndentWithIndicator(true)
                .setWidth(Integer.MAX_VALUE)
                .build();
        return new Dump(settings).dumpToString(plainValue);
    }
}
