package io.github.compose4j.cli;

import io.github.compose4j.engine.Engine;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A crash injected at an exact point, for the fault tests: with {@code COMPOSE4J_TEST_HALT_AFTER=METHOD[:N]} in the
 * environment, the process halts (as {@code kill -9} would end it: no shutdown hook, no {@code finally}) right after
 * the N-th (default first) successful call of that {@link Engine} method, say {@code stopContainer}. An outside
 * {@code kill -9} would race with the steps it is meant to fall between; this falls between them every time, against
 * the real daemon, without a fake engine. Not a user feature: undocumented, and a no-op unless the variable is set.
 */
final class HaltAfter {
    static final String VARIABLE = "COMPOSE4J_TEST_HALT_AFTER";
    /** The exit code of a process killed by SIGKILL, as a shell reports it. */
    static final int KILLED = 137;

    private HaltAfter() {
    }

    static Engine wrap(Engine engine, String spec) {
        if (spec == null || spec.isEmpty()) {
            return engine;
        }
        String[] parts = spec.split(":", 2);
        String method = parts[0];
        int nth = parts.length > 1 ? Integer.parseInt(parts[1]) : 1;
        AtomicInteger calls = new AtomicInteger();
        return (Engine) Proxy.newProxyInstance(Engine.class.getClassLoader(), new Class<?>[] {Engine.class},
                (proxy, m, args) -> {
                    Object result;
                    try {
                        result = m.invoke(engine, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                    if (m.getName().equals(method) && calls.incrementAndGet() == nth) {
                        Runtime.getRuntime().halt(KILLED);
                    }
                    return result;
                });
    }
}
