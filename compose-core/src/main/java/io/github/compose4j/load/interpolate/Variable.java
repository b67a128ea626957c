package io.github.compose4j.load.interpolate;

import java.util.Objects;

/**
 * A variable referenced by a compose file, as {@code config --variables} lists it: its default
 * value ({@code :-} / {@code -}), its alternate value ({@code :+} / {@code +}) and whether it is
 * required ({@code :?} / {@code ?}). Absent values are empty strings, as Compose prints them.
 */
public record Variable(String name, String defaultValue, String presenceValue, boolean required) {
    public Variable {
        Objects.requireNonNull(name);
        Objects.requireNonNull(defaultValue);
        Objects.requireNonNull(presenceValue);
    }
}
