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
import io.github.compose4j.load.yaml.YamlEmitter;
import io.github.compose4j.load.yaml.YamlParser;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Model values as YAML, following the rules of Compose's YAML encoder: struct fields in order,
 * {@code omitempty} that also drops all-zero structs, extensions inlined, map keys sorted.
 */
public final class GoYaml {
    private static final Set<String> YAML11_BOOLS = Set.of("y", "Y", "yes", "Yes", "YES", "n", "N", "no", "No", "NO",
            "on", "On", "ON", "off", "Off", "OFF");
    private static final Pattern BASE60_FLOAT = Pattern.compile("[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+(?:\\.[0-9_]*)?");

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
        sorted(p.extensions().values()).forEach((k, v) -> m.put(k, plain(v)));
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
                sorted(e.values()).forEach((k, val) -> out.put(k, plain(val)));
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
        try {
            keys.sort(KEY_ORDER);
        } catch (IllegalArgumentException inconsistent) {
            // go-yaml's order is not always transitive; Go's sort never complains, so neither do we.
            insertionSort(keys);
        }
        Map<String, Object> out = new LinkedHashMap<>();
        keys.forEach(k -> out.put(k, map.get(k)));
        return out;
    }

    private static void insertionSort(List<String> keys) {
        for (int i = 1; i < keys.size(); i++) {
            for (int j = i; j > 0 && keyLess(keys.get(j), keys.get(j - 1)); j--) {
                keys.set(j, keys.set(j - 1, keys.get(j)));
            }
        }
    }

    /** How go-yaml orders the string keys of a map: numbers within keys by value, letters after other characters. */
    static final java.util.Comparator<String> KEY_ORDER = (a, b) -> keyLess(a, b) ? -1 : keyLess(b, a) ? 1 : 0;

    static boolean keyLess(String a, String b) {
        int[] ar = a.codePoints().toArray();
        int[] br = b.codePoints().toArray();
        boolean digits = false;
        for (int i = 0; i < ar.length && i < br.length; i++) {
            if (ar[i] == br[i]) {
                digits = Character.isDigit(ar[i]);
                continue;
            }
            boolean al = Character.isLetter(ar[i]);
            boolean bl = Character.isLetter(br[i]);
            if (al && bl) {
                return ar[i] < br[i];
            }
            if (al || bl) {
                // After a common digit a letter sorts first ("1a" < "1:"), elsewhere last.
                return digits ? al : bl;
            }
            long an = 0;
            long bn = 0;
            if (ar[i] == '0' || br[i] == '0') {
                for (int j = i - 1; j >= 0 && Character.isDigit(ar[j]); j--) {
                    if (ar[j] != '0') {
                        an = 1;
                        bn = 1;
                        break;
                    }
                }
            }
            int ai = i;
            while (ai < ar.length && Character.isDigit(ar[ai])) {
                an = an * 10 + (ar[ai] - '0');
                ai++;
            }
            int bi = i;
            while (bi < br.length && Character.isDigit(br[bi])) {
                bn = bn * 10 + (br[bi] - '0');
                bi++;
            }
            if (an != bn) {
                return an < bn;
            }
            if (ai != bi) {
                return ai < bi;
            }
            return ar[i] < br[i];
        }
        return ar.length < br.length;
    }

    /** Block-style YAML text with two-space indentation, scalars styled as go-yaml styles them. */
    public static String dump(Object plainValue) {
        return YamlEmitter.dump(plainValue, GoYaml::needsQuotes);
    }

    /**
     * go-yaml double-quotes a string that would read back as another type, including YAML 1.1 booleans
     * and sexagesimal numbers that it no longer reads that way.
     */
    static boolean needsQuotes(String s) {
        return !YamlParser.readsAsString(s) || YAML11_BOOLS.contains(s) || BASE60_FLOAT.matcher(s).matches();
    }
}
