package io.github.compose4j.cli;

import io.github.compose4j.cli.render.TerminalSize;
import io.github.compose4j.cli.render.Terminals;
import io.github.compose4j.oneoff.Console;
import io.github.compose4j.oneoff.ConsoleEvents;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The signals this process receives while a container's process is attached, reported to the {@code oneoff} code:
 * for {@code run}, every signal Docker Compose forwards to the one-off container (all but those a child's exit,
 * a broken pipe or the runtime itself cause; {@code QUIT} stays the JVM's thread dump); with a TTY, {@code WINCH}
 * also re-reads the terminal's size. While subscribed, {@code INT} and {@code TERM} no longer end this process:
 * the container decides, and its exit ends the command. The handlers go through the JDK's signal API
 * ({@code sun.misc.Signal}) reflectively, as {@link Interrupts} does.
 */
final class ProcessSignals implements ConsoleEvents {
    /** What Docker Compose's {@code run} forwards, less what the JVM reserves. */
    private static final List<String> FORWARDED = List.of("HUP", "INT", "TERM", "USR1", "USR2", "ALRM", "CONT",
            "TSTP", "TTIN", "TTOU", "WINCH");
    private static final String RESIZE = "WINCH";

    private final boolean forward;
    private final boolean tty;
    private final Map<String, String> env;

    private ProcessSignals(boolean forward, boolean tty, Map<String, String> env) {
        this.forward = forward;
        this.tty = tty;
        this.env = env;
    }

    /** For {@code run}: signals are forwarded, and a TTY follows the terminal's size. */
    static ProcessSignals forwarding(boolean tty, Map<String, String> env) {
        return new ProcessSignals(true, tty, env);
    }

    /** For {@code exec}: only a TTY's size is followed; signals keep their usual effect on this process. */
    static ProcessSignals resizingOnly(boolean tty, Map<String, String> env) {
        return new ProcessSignals(false, tty, env);
    }

    /** The names this reports, in the order they are installed. */
    List<String> signals() {
        List<String> names = new ArrayList<>();
        if (forward) {
            names.addAll(FORWARDED);
        } else if (tty) {
            names.add(RESIZE);
        }
        return names;
    }

    @Override
    public Subscription subscribe(Listener listener) {
        List<Installed> installed = new ArrayList<>();
        for (String name : signals()) {
            install(name, received -> dispatch(received, listener)).ifPresent(installed::add);
        }
        return () -> installed.forEach(Installed::restore);
    }

    private void dispatch(String signal, Listener listener) {
        if (tty && signal.equals(RESIZE)) {
            TerminalSize size = Terminals.stdoutSize(env);
            if (size.width() > 0 && size.height() > 0) {
                listener.resized(new Console.Size(size.height(), size.width()));
            }
        }
        if (forward) {
            listener.signalled(signal);
        }
    }

    /** A handler in place, and how to put back the one it replaced. */
    private record Installed(Object signal, Object previous, Method handle) {
        void restore() {
            try {
                handle.invoke(null, signal, previous);
            } catch (ReflectiveOperationException | RuntimeException e) {
                // The previous handler cannot come back; the process ends soon anyway.
            }
        }
    }

    private static java.util.Optional<Installed> install(String name, Consumer<String> onSignal) {
        try {
            Class<?> signalClass = Class.forName("sun.misc.Signal");
            Class<?> handlerClass = Class.forName("sun.misc.SignalHandler");
            InvocationHandler h = (proxy, method, args) -> {
                switch (method.getName()) {
                    case "handle" -> onSignal.accept(name);
                    case "hashCode" -> {
                        return System.identityHashCode(proxy);
                    }
                    case "equals" -> {
                        return proxy == args[0];
                    }
                    case "toString" -> {
                        return "compose4j forwarding of SIG" + name;
                    }
                    default -> {
                    }
                }
                return null;
            };
            Object handler = Proxy.newProxyInstance(handlerClass.getClassLoader(), new Class<?>[] {handlerClass}, h);
            Method handle = signalClass.getMethod("handle", signalClass, handlerClass);
            Object signal = signalClass.getConstructor(String.class).newInstance(name);
            Object previous = handle.invoke(null, signal, handler);
            return java.util.Optional.of(new Installed(signal, previous, handle));
        } catch (ReflectiveOperationException | RuntimeException e) {
            // No signal API here, or the JVM keeps this signal for itself: it keeps its usual effect.
            return java.util.Optional.empty();
        }
    }
}
