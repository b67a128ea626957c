package io.github.compose4j.model;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The name of a record component in the compose file and in Compose's JSON/YAML output, and whether
 * an empty value is left out of each output (Go's {@code omitempty}).
 */
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.RECORD_COMPONENT, ElementType.METHOD})
public @interface Key {
    String value();

    /** Left out of JSON when empty. */
    boolean omitEmpty() default true;

    /** Left out of YAML when empty. */
    boolean yamlOmitEmpty() default true;

    /** Never serialized (kept in the model for convenience, like a service's name). */
    boolean hidden() default false;
}
