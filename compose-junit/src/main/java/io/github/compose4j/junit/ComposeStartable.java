package io.github.compose4j.junit;

import io.github.compose4j.api.ComposeProject;
import io.github.compose4j.api.ProjectSource;
import io.github.compose4j.engine.Engine;
import io.github.compose4j.engine.docker.DockerEngines;
import io.github.compose4j.event.ProgressListener;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.testcontainers.containers.wait.strategy.WaitStrategy;
import org.testcontainers.lifecycle.Startable;

/**
 * A Compose stack as a Testcontainers {@link Startable}: combine it with {@code @Testcontainers}/{@code @Container},
 * {@code Startables.deepStart(...)} or other containers' {@code dependsOn}. Brought up by compose4j itself (no
 * {@code docker compose} binary, no proxy container); {@link #start()} returns once Compose's readiness holds and
 * the {@link #waitingFor Testcontainers wait strategies} given per service pass.
 *
 * <pre>{@code
 * @Container
 * static ComposeStartable stack = new ComposeStartable(Path.of("src/test/resources/compose.yaml"))
 *         .waitingFor("web", Wait.forHttp("/").forPort(80));
 *
 * String url = "http://" + stack.getServiceHost("web", 80) + ":" + stack.getServicePort("web", 80);
 * }</pre>
 */
public final class ComposeStartable implements Startable {
    private final ProjectSource source;
    private final String projectPrefix;
    private final Duration timeout;
    private final Map<String, WaitStrategy> waits;
    private Engine engine;
    private Stack stack;

    /** The stack of these compose files; interpolation sees the process environment. */
    public ComposeStartable(Path file, Path... more) {
        this(ProjectSource.files(file, more).withEnv(System.getenv()), "compose4j", Duration.ofMinutes(2),
                new LinkedHashMap<>());
    }

    private ComposeStartable(ProjectSource source, String projectPrefix, Duration timeout,
                             Map<String, WaitStrategy> waits) {
        this.source = source;
        this.projectPrefix = projectPrefix;
        this.timeout = timeout;
        this.waits = waits;
    }

    /** The stack of one compose document given inline. */
    public static ComposeStartable ofYaml(String composeYaml) {
        return new ComposeStartable(ProjectSource.yaml(composeYaml, Path.of("")).withEnv(System.getenv()),
                "compose4j", Duration.ofMinutes(2), new LinkedHashMap<>());
    }

    /** Interpolation variables, over the process environment. */
    public ComposeStartable withEnv(Map<String, String> env) {
        Map<String, String> all = new LinkedHashMap<>(source.env());
        all.putAll(env);
        return new ComposeStartable(source.withEnv(all), projectPrefix, timeout, waits);
    }

    /** Profiles to enable. */
    public ComposeStartable withProfiles(String... profiles) {
        return new ComposeStartable(source.withProfiles(profiles), projectPrefix, timeout, waits);
    }

    /** The prefix of the stack's unique project name. */
    public ComposeStartable withProjectPrefix(String prefix) {
        return new ComposeStartable(source, StackDefinition.normalize(prefix), timeout, waits);
    }

    /** How long the services may take to become ready. */
    public ComposeStartable withStartupTimeout(Duration timeout) {
        return new ComposeStartable(source, projectPrefix, timeout, waits);
    }

    /**
     * A Testcontainers wait strategy run on each replica of {@code service} once Compose's own readiness holds
     * ({@code Wait.forHttp}, {@code Wait.forListeningPort}, {@code Wait.forLogMessage}, {@code Wait.forHealthcheck}...).
     */
    public ComposeStartable waitingFor(String service, WaitStrategy strategy) {
        Map<String, WaitStrategy> more = new LinkedHashMap<>(waits);
        more.put(service, Objects.requireNonNull(strategy));
        return new ComposeStartable(source, projectPrefix, timeout, more);
    }

    @Override
    public synchronized void start() {
        if (stack != null) {
            return;
        }
        engine = DockerEngines.fromEnvironment(System.getenv());
        StackDefinition definition = new StackDefinition(source, projectPrefix, Lifecycle.PER_CLASS, false, false,
                timeout, List.of());
        String host = ComposeExtension.Session.dockerHost(System.getenv());
        try {
            stack = Stack.start(definition, engine, host, ProgressListener.NONE);
            for (Map.Entry<String, WaitStrategy> w : waits.entrySet()) {
                for (ServiceHandle replica : stack.service(w.getKey(), 0).replicas()) {
                    w.getValue().withStartupTimeout(timeout).waitUntilReady(new ServiceWaitTarget(replica));
                }
            }
        } catch (RuntimeException e) {
            stop();
            throw e;
        }
    }

    /** Removes the stack with its volumes ({@code down -v}). */
    @Override
    public synchronized void stop() {
        try {
            if (stack != null) {
                stack.close();
            }
        } finally {
            stack = null;
            if (engine != null) {
                engine.close();
                engine = null;
            }
        }
    }

    /** The running project (for {@code ps}, {@code logs}, {@code exec}...). */
    public synchronized ComposeProject project() {
        return started().project();
    }

    /** The handle of the service's first replica. */
    public ServiceHandle service(String name) {
        return service(name, 0);
    }

    /** The handle of one replica of the service (from 1; 0 for the first). */
    public synchronized ServiceHandle service(String name, int index) {
        return started().service(name, index);
    }

    /** The host a published port of the service is reached on (as {@code ComposeContainer.getServiceHost}). */
    public String getServiceHost(String service, int containerPort) {
        return service(service).host();
    }

    /** The host port a container port of the service is published on (as {@code ComposeContainer.getServicePort}). */
    public Integer getServicePort(String service, int containerPort) {
        return service(service).port(containerPort);
    }

    /** The names of the project's services. */
    public List<String> services() {
        return new ArrayList<>(project().project().services().keySet());
    }

    private Stack started() {
        if (stack == null) {
            throw new IllegalStateException("the compose stack is not started");
        }
        return stack;
    }
}
