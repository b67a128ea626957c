package io.github.compose4j.junit;

import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * An extra readiness check of one service, used inside {@link Compose#readyWhen()}. Exactly one kind applies: with
 * {@link #logLine()} a line of the service's output matches; else with {@link #httpPath()} an HTTP GET of the
 * published {@link #port()} answers 2xx; else the published {@link #port()} accepts TCP connections.
 */
@Documented
@Target({})
@Retention(RetentionPolicy.RUNTIME)
public @interface ReadyWhen {
    /** The service checked (each of its replicas). */
    String service();

    /** The container port whose published binding is checked. */
    int port() default 0;

    /** A path to GET on {@link #port()}, such as {@code /health}. */
    String httpPath() default "";

    /** A regular expression a line of the service's output must match (searched, not matched whole). */
    String logLine() default "";

    /** How long, in seconds, the check may take to pass. */
    int timeoutSeconds() default 60;
}
