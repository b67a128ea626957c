package io.github.compose4j.cli.format;

import java.util.Optional;

/** A value whose fields a template reads with {@code .Name}: a Go struct, or an object with methods. */
public interface GoFields {
    /** The Go type, as execution errors name it. */
    String type();

    /** The field's value, or empty when the type has no such field (an execution error). */
    Optional<Object> field(String name);
}
