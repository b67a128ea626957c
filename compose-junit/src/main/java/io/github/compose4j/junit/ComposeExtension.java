package io.github.compose4j.junit;

import io.github.compose4j.engine.Engine;
import io.github.compose4j.engine.docker.DockerEngines;
import io.github.compose4j.event.ProgressListener;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.platform.commons.support.AnnotationSupport;
import org.junit.platform.commons.support.HierarchyTraversalMode;

/**
 * The JUnit 5 extension behind {@link ComposeTest @ComposeTest}: brings the class's {@link Compose @Compose}
 * stacks up at the start of their {@link Lifecycle}, injects {@link ComposeService @ComposeService} handles, and
 * removes the stacks at the end. The first use in a JVM also removes stacks whose JVM died.
 */
public final class ComposeExtension implements BeforeAllCallback, AfterAllCallback, BeforeEachCallback,
        AfterEachCallback, ParameterResolver {
    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(ComposeExtension.class);
    private static final String STACKS = "stacks";

    @Override
    public void beforeAll(ExtensionContext context) {
        Session session = session(context);
        Class<?> testClass = context.getRequiredTestClass();
        List<Stack> stacks = new ArrayList<>();
        Stacks holder = new Stacks(stacks);
        context.getStore(NAMESPACE).put(STACKS, holder);
        for (Compose c : AnnotationSupport.findRepeatableAnnotations(testClass, Compose.class)) {
            StackDefinition d = definition(c, testClass);
            switch (d.lifecycle()) {
                case PER_CLASS -> stacks.add(session.start(d));
                case SHARED -> stacks.add(context.getRoot().getStore(NAMESPACE)
                        .getOrComputeIfAbsent("shared:" + d.sharedKey(), k -> new Shared(session.start(d)), Shared.class)
                        .stack());
                case PER_METHOD -> { }
            }
        }
        inject(null, testClass, context, true);
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        Session session = session(context);
        Class<?> testClass = context.getRequiredTestClass();
        List<Stack> stacks = new ArrayList<>();
        context.getStore(NAMESPACE).put(STACKS, new Stacks(stacks));
        for (Compose c : AnnotationSupport.findRepeatableAnnotations(testClass, Compose.class)) {
            StackDefinition d = definition(c, testClass);
            if (d.lifecycle() == Lifecycle.PER_METHOD) {
                stacks.add(session.start(d));
            }
        }
        inject(context.getRequiredTestInstance(), testClass, context, false);
    }

    @Override
    public void afterEach(ExtensionContext context) {
        boolean failed = context.getExecutionException().isPresent();
        Stacks own = context.getStore(NAMESPACE).remove(STACKS, Stacks.class);
        if (failed) {
            allStacks(context.getParent().orElseThrow()).forEach(Stack::failed);
        }
        if (own != null) {
            own.finish(failed, context);
        }
    }

    @Override
    public void afterAll(ExtensionContext context) {
        Stacks own = context.getStore(NAMESPACE).remove(STACKS, Stacks.class);
        if (own != null) {
            own.finish(context.getExecutionException().isPresent(), context);
        }
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.isAnnotated(ComposeService.class)
                && parameter.getParameter().getType() == ServiceHandle.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        ComposeService s = parameter.findAnnotation(ComposeService.class).orElseThrow();
        try {
            return handle(s, context);
        } catch (IllegalArgumentException e) {
            throw new ParameterResolutionException(e.getMessage(), e);
        }
    }

    private static StackDefinition definition(Compose c, Class<?> testClass) {
        return StackDefinition.of(c, testClass, System.getenv(), Path.of("").toAbsolutePath());
    }

    private static void inject(Object instance, Class<?> testClass, ExtensionContext context, boolean statics) {
        for (Field f : AnnotationSupport.findAnnotatedFields(testClass, ComposeService.class,
                field -> Modifier.isStatic(field.getModifiers()) == statics, HierarchyTraversalMode.TOP_DOWN)) {
            if (f.getType() != ServiceHandle.class) {
                throw new IllegalStateException("@ComposeService field " + f + " must be a ServiceHandle");
            }
            Optional<ServiceHandle> handle = optionalHandle(f.getAnnotation(ComposeService.class), context);
            if (handle.isEmpty()) {
                if (statics) {
                    continue; // a PER_METHOD stack's service: only instance fields can receive it
                }
                throw new IllegalStateException("no stack of " + testClass.getName() + " has service \""
                        + f.getAnnotation(ComposeService.class).value() + "\" for " + f);
            }
            try {
                f.setAccessible(true);
                f.set(instance, handle.get());
            } catch (IllegalAccessException e) {
                throw new IllegalStateException("cannot inject " + f, e);
            }
        }
    }

    private static ServiceHandle handle(ComposeService s, ExtensionContext context) {
        return optionalHandle(s, context).orElseThrow(() -> new IllegalArgumentException(
                "no @Compose stack of " + context.getRequiredTestClass().getName() + " has service \"" + s.value()
                        + "\"" + (s.stack().isEmpty() ? "" : " in stack \"" + s.stack() + "\"")));
    }

    private static Optional<ServiceHandle> optionalHandle(ComposeService s, ExtensionContext context) {
        List<Stack> stacks = allStacks(context);
        for (int i = 0; i < stacks.size(); i++) {
            Stack stack = stacks.get(i);
            boolean named = s.stack().isEmpty() || s.stack().equals(stack.definition().baseName())
                    || s.stack().equals(Integer.toString(i));
            if (named && stack.hasService(s.value())) {
                return Optional.of(stack.service(s.value(), s.index()));
            }
        }
        return Optional.empty();
    }

    /** The stacks visible from a context: its own, then its parents' (method stacks before class stacks). */
    private static List<Stack> allStacks(ExtensionContext context) {
        List<Stack> all = new ArrayList<>();
        for (Optional<ExtensionContext> c = Optional.of(context); c.isPresent(); c = c.get().getParent()) {
            Stacks s = c.get().getStore(NAMESPACE).get(STACKS, Stacks.class);
            if (s != null) {
                all.addAll(s.stacks());
            }
        }
        return all;
    }

    private static Session session(ExtensionContext context) {
        return context.getRoot().getStore(NAMESPACE).getOrComputeIfAbsent(Session.class, k -> Session.open(System.getenv()),
                Session.class);
    }

    /**
     * The engine of the test run and its Docker host, shared by every class; the first one sweeps stacks left by
     * dead JVMs. Closed when the run ends, after the shared stacks (the store closes in reverse order).
     */
    record Session(Engine engine, String dockerHost) implements AutoCloseable {
        static Session open(Map<String, String> env) {
            Engine engine = DockerEngines.fromEnvironment(env);
            new Janitor(engine).sweep();
            return new Session(engine, dockerHost(env));
        }

        Stack start(StackDefinition d) {
            return Stack.start(d, engine, dockerHost, ProgressListener.NONE);
        }

        /** Where published ports are reached: the host of a TCP {@code DOCKER_HOST}, else this machine. */
        static String dockerHost(Map<String, String> env) {
            String host = env.getOrDefault("DOCKER_HOST", "");
            if (host.startsWith("tcp://")) {
                String h = URI.create(host).getHost();
                if (h != null && !h.isEmpty()) {
                    return h;
                }
            }
            return "localhost";
        }

        @Override
        public void close() {
            engine.close();
        }
    }

    /** A {@link Lifecycle#SHARED} stack: removed when the test run ends. */
    record Shared(Stack stack) implements AutoCloseable {
        @Override
        public void close() {
            stack.close();
        }
    }

    /** The stacks a context started itself. */
    record Stacks(List<Stack> stacks) {
        void finish(boolean failed, ExtensionContext context) {
            RuntimeException first = null;
            for (Stack s : stacks) {
                if (s.definition().lifecycle() == Lifecycle.SHARED) {
                    continue;
                }
                if (failed) {
                    s.failed();
                }
                String kept = s.keptBecause();
                if (!kept.isEmpty()) {
                    context.publishReportEntry("compose4j", "project " + s.project().name() + " " + kept);
                }
                try {
                    s.close();
                } catch (RuntimeException e) {
                    if (first == null) {
                        first = e;
                    } else {
                        first.addSuppressed(e);
                    }
                }
            }
            if (first != null) {
                throw first;
            }
        }
    }
}
