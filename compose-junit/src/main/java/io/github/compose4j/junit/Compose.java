package io.github.compose4j.junit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Repeatable;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A Compose stack a {@link ComposeTest @ComposeTest} class needs. Repeatable: each annotation is a stack of its
 * own, under its own project name.
 *
 * <p>Each stack gets a unique project name ({@link #projectName()} or the class name, plus a random suffix), so
 * test classes running in parallel never share containers, networks or volumes. After the tests it is removed with
 * its volumes ({@code down -v}) unless {@link #keepOnFailure()} applies. Stacks left behind by a JVM that was
 * killed are removed the next time the extension starts.
 */
@Documented
@Inherited
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Repeatable(Compose.List.class)
public @interface Compose {
    /** Compose files in override order, relative to the working directory (the module's directory under Maven). */
    String[] files() default {};

    /** A compose document given inline, instead of {@link #files()}. */
    String yaml() default "";

    /** Profiles to enable. */
    String[] profiles() default {};

    /** {@code KEY=value} variables for interpolation, over the process environment (see {@link #inheritEnv()}). */
    String[] env() default {};

    /** Whether interpolation also sees the process environment ({@code System.getenv()}), as the CLI does. */
    boolean inheritEnv() default true;

    /**
     * The project name's prefix (by default the test class's name in lower case). With {@link #reuse()} the name
     * is used as it is.
     */
    String projectName() default "";

    /** When the stack comes up and goes down. */
    Lifecycle lifecycle() default Lifecycle.PER_CLASS;

    /** Leave the stack in place when a test of the class failed, to look at it; the log says its name. */
    boolean keepOnFailure() default false;

    /**
     * Opt-in reuse across test runs: the stack gets a stable project name and is not removed after the tests, so
     * the next run adopts its unchanged containers (same configuration hashes) instead of recreating them. A
     * changed service is recreated, as {@code docker compose up} does.
     */
    boolean reuse() default false;

    /** How long, in seconds, the services may take to become ready. */
    int timeoutSeconds() default 120;

    /** Further readiness checks, after Compose's own (healthy, completed or running). */
    ReadyWhen[] readyWhen() default {};

    /** The container of repeated {@link Compose} annotations. */
    @Documented
    @Inherited
    @Target(ElementType.TYPE)
    @Retention(RetentionPolicy.RUNTIME)
    @interface List {
        /** The repeated annotations, in declaration order. */
        Compose[] value();
    }
}
