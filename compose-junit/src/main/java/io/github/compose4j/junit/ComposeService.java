package io.github.compose4j.junit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Injects a {@link ServiceHandle} of a service of the class's stacks into a field (static for stacks that outlive
 * one test) or a test/lifecycle method parameter.
 */
@Documented
@Target({ElementType.FIELD, ElementType.PARAMETER})
@Retention(RetentionPolicy.RUNTIME)
public @interface ComposeService {
    /** The service name. */
    String value();

    /** The replica, from 1; 0 for the first one. */
    int index() default 0;

    /**
     * Which stack, by its {@link Compose#projectName()} (or its position in the class's {@code @Compose} list,
     * from 0) when several have the service; empty for the first that has it.
     */
    String stack() default "";
}
