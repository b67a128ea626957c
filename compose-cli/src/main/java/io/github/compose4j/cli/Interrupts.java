package io.github.compose4j.cli;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;

/**
 * Ctrl-C (and TERM, HUP) handling for commands that change the engine: the first signal asks the running
 * operation to stop at its next step; a second one ends the process at once (exit 130). A JVM
 * shutdown hook cannot tell a first signal from a second, so this installs handlers through the
 * JDK's signal API ({@code sun.misc.Signal}, reached reflectively because {@code --release} does
 * not expose it at compile time).
 */
final class Interrupts implements AutoCloseable {
    private static final String[] SIGNALS = {"INT", "TERM", "HUP"};

    private final Object[] previous = new Object[SIGNALS.length];
    private int count;

    private Interrupts(Runnable onFirst) {
        this(onFirst, () -> { });
    }

    private Interrupts(Runnable onFirst, Runnable onSecond) {
        try {
            Class<?> signalClass = Class.forName("sun.misc.Signal");
            Class<?> handlerClass = Class.forName("sun.misc.SignalHandler");
            InvocationHandler h = (proxy, method, args) -> {
                if (method.getName().equals("handle")) {
                    signalled(onFirst, onSecond);
                    return null;
                }
                return method.invoke(this, args);
            };
            Object handler = Proxy.newProxyInstance(handlerClass.getClassLoader(), new Class<?>[] {handlerClass}, h);
            Method handle = signalClass.getMethod("handle", signalClass, handlerClass);
            for (int i = 0; i < SIGNALS.length; i++) {
                Object signal = signalClass.getConstructor(String.class).newInstance(SIGNALS[i]);
                previous[i] = handle.invoke(null, signal, handler);
            }
        } catch (ReflectiveOperationException | RuntimeException e) {
            // No signal API on this JVM: the default handling (exit) applies.
        }
    }

    private synchronized void signalled(Runnable onFirst, Runnable onSecond) {
        count++;
        if (count == 1) {
            onFirst.run();
        } else {
            try {
                onSecond.run();
            } finally {
                Runtime.getRuntime().halt(130);
            }
        }
    }

    static Interrupts onInterrupt(Runnable onFirst) {
        return new Interrupts(onFirst);
    }

    /** As {@link #onInterrupt(Runnable)}, running {@code onSecond} (say, killing containers) before exiting. */
    static Interrupts onInterrupt(Runnable onFirst, Runnable onSecond) {
        return new Interrupts(onFirst, onSecond);
    }

    @Override
    public void close() {
        try {
            Class<?> signalClass = Class.forName("sun.misc.Signal");
            Class<?> handlerClass = Class.forName("sun.misc.SignalHandler");
            Method handle = signalClass.getMethod("handle", signalClass, handlerClass);
            for (int i = 0; i < SIGNALS.length; i++) {
                if (previous[i] != null) {
                    handle.invoke(null, signalClass.getConstructor(String.class).newInstance(SIGNALS[i]), previous[i]);
                }
            }
        } catch (ReflectiveOperationException | RuntimeException e) {
            // Nothing was installed.
        }
    }
}
