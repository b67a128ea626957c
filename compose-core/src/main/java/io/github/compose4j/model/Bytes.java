package io.github.compose4j.model;

/** A size in bytes ({@code mem_limit: 512m}); serialized as a decimal string. */
public record Bytes(long value) {
    public static final Bytes ZERO = new Bytes(0);

    public boolean isZero() {
        return value == 0;
    }
}
