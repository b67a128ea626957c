package io.github.compose4j.cli.format;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * A Go struct value as templates see it: named fields in declaration order. JSON writes the fields in that
 * order; printing writes {@code {v1 v2 ...}} as Go's {@code fmt} does.
 *
 * @param type the Go type name that error messages quote ({@code *formatter.ContainerContext})
 */
public record GoStruct(String type, Map<String, Object> fields) implements GoFields {
    public GoStruct {
        fields = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(fields));
    }

    @Override
    public Optional<Object> field(String name) {
        return fields.containsKey(name) ? Optional.of(fieldValue(name)) : Optional.empty();
    }

    private Object fieldValue(String name) {
        Object v = fields.get(name);
        return v == null ? GoValues.NIL : v;
    }
}
