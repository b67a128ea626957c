package io.github.compose4j.model.codec;

import io.github.compose4j.model.Key;

import java.lang.reflect.RecordComponent;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The {@link Key} of every model record component, compiled at build time by {@link KeyIndexWriter}: reading
 * annotations at run time makes the JVM generate a proxy class and parse each annotation, which cost a short
 * command a fifth of its loading time. A record missing from the index (one outside the model) is read from its
 * annotations.
 *
 * <p>Format, one record per line: {@code class<TAB>component<SP>key<SP>flags<TAB>...}, flags being three
 * {@code 0/1} characters for omitEmpty, yamlOmitEmpty and hidden.
 */
final class KeyIndex {

    /** One component's {@link Key}, as plain values. */
    record Entry(String component, String key, boolean omitEmpty, boolean yamlOmitEmpty, boolean hidden) {
        static Entry of(RecordComponent rc) {
            Key key = rc.getAnnotation(Key.class);
            if (key == null) {
                throw new IllegalStateException(rc.getDeclaringRecord().getName() + "." + rc.getName() + " has no @Key");
            }
            return new Entry(rc.getName(), key.value(), key.omitEmpty(), key.yamlOmitEmpty(), key.hidden());
        }

        String format() {
            if (key.isEmpty() || key.chars().anyMatch(Character::isWhitespace)) {
                throw new IllegalStateException("unindexable key '" + key + "' of " + component);
            }
            return component + " " + key + " " + bit(omitEmpty) + bit(yamlOmitEmpty) + bit(hidden);
        }

        static Entry parse(String text) {
            String[] parts = text.split(" ", -1);
            String flags = parts[2];
            return new Entry(parts[0], parts[1], flags.charAt(0) == '1', flags.charAt(1) == '1', flags.charAt(2) == '1');
        }

        private static char bit(boolean b) {
            return b ? '1' : '0';
        }
    }

    private static final class Holder {
        static final Map<String, List<Entry>> INDEX = read();
    }

    private KeyIndex() {
    }

    /** The entries of {@code type}'s components in declaration order, if the index has the record. */
    static Optional<List<Entry>> of(Class<?> type) {
        return Optional.ofNullable(Holder.INDEX.get(type.getName()));
    }

    /** The names of the indexed records. */
    static java.util.Set<String> recordNames() {
        return Holder.INDEX.keySet();
    }

    static String line(Class<?> type, List<Entry> entries) {
        StringBuilder b = new StringBuilder(type.getName());
        entries.forEach(e -> b.append('\t').append(e.format()));
        return b.toString();
    }

    static Map<String, List<Entry>> parse(String text) {
        Map<String, List<Entry>> index = new HashMap<>();
        for (String line : text.split("\n")) {
            if (line.isBlank()) {
                continue;
            }
            String[] fields = line.split("\t");
            Entry[] entries = new Entry[fields.length - 1];
            for (int i = 1; i < fields.length; i++) {
                entries[i - 1] = Entry.parse(fields[i]);
            }
            index.put(fields[0], List.of(entries));
        }
        return index;
    }

    private static Map<String, List<Entry>> read() {
        return parse(KeyIndexText.text());
    }
}
