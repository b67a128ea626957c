package io.github.compose4j.model;

import java.util.Map;

/**
 * The {@code x-*} attributes of an element: user-defined data Compose carries along untouched. The
 * values are plain YAML data (String, Long, Double, Boolean, null, List, Map), immutable.
 */
public record Extensions(Map<String, Object> values) {
    public static final Extensions NONE = new Extensions(Map.of());

    public Extensions {
        values = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(values));
    }

    public boolean isEmpty() {
        return values.isEmpty();
    }
}
