package io.github.compose4j.cli.format;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * A docker CLI formatter context made of computed values: templates read its fields, and {@code {{json .}}}
 * writes all of them with sorted keys and HTML characters escaped, as the docker CLI marshals its contexts.
 */
public record MethodContext(String type, Map<String, Object> values) implements GoFields, GoJsonMarshaler {
    public MethodContext {
        values = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(values));
    }

    @Override
    public Optional<Object> field(String name) {
        return Optional.ofNullable(values.get(name));
    }

    @Override
    public String marshalJson() {
        return GoValues.json(values, true);
    }
}
