package io.github.compose4j.cli.format;

/** A value with its own JSON form, written verbatim (Go's {@code json.Marshaler}). */
public interface GoJsonMarshaler {
    String marshalJson();
}
