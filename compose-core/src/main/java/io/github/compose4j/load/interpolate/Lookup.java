package io.github.compose4j.load.interpolate;

import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Where interpolation finds the value of a variable. An empty result means "unset", which Compose
 * distinguishes from a variable set to the empty string.
 */
@FunctionalInterface
public interface Lookup {
    Optional<String> get(String name);

    /** A lookup in a fixed map of variables. */
    static Lookup of(Map<String, String> variables) {
        Objects.requireNonNull(variables);
        return name -> Optional.ofNullable(variables.get(name));
    }

    /** A lookup where no variable is set. */
    static Lookup none() {
        return name -> Optional.empty();
    }
}
