package io.github.compose4j.build;

import io.github.compose4j.engine.BuildMessage;
import io.github.compose4j.engine.BuildResult;
import io.github.compose4j.engine.Engine;
import io.github.compose4j.engine.EngineException;
import io.github.compose4j.error.ComposeException;
import io.github.compose4j.error.Failure;
import io.github.compose4j.graph.DependencyGraph;
import io.github.compose4j.model.Build;
import io.github.compose4j.model.Project;
import io.github.compose4j.model.Service;
import io.github.compose4j.observe.ObservedState;
import io.github.compose4j.select.Selection;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Builds the images of services that have a {@code build} section with the engine's classic builder, in
 * dependency order and in parallel where that allows, each context streamed to the engine while the directory is
 * walked.
 */
public final class ProjectBuilder {
    private static final int PIPE_BYTES = 1 << 20;
    private static final long PROGRESS_STEP = 1 << 20;

    private final Engine engine;
    private final BuildOutput output;
    private final RegistryConfig registry;
    private final int parallelism;

    public ProjectBuilder(Engine engine, BuildOutput output, RegistryConfig registry) {
        this(engine, output, registry, 0);
    }

    /**
     * @param parallelism the most builds at once; 0 or less for no limit
     */
    public ProjectBuilder(Engine engine, BuildOutput output, RegistryConfig registry, int parallelism) {
        this.engine = engine;
        this.output = output;
        this.registry = registry;
        this.parallelism = parallelism;
    }

    /**
     * The services {@code build} builds: those named (all when none is), with their dependencies if asked, that
     * have a {@code build} section.
     */
    public static Set<String> selected(Project project, BuildOptions options) {
        Collection<String> names = options.services().isEmpty() ? project.services().keySet()
                : options.withDependencies() ? Selection.closure(project, options.services()) : options.services();
        Set<String> out = new LinkedHashSet<>();
        for (String name : names) {
            Service s = project.services().get(name);
            if (s == null) {
                throw new ComposeException(Failure.GENERAL, "no such service: " + name);
            }
            if (s.build().isPresent()) {
                out.add(name);
            }
        }
        return out;
    }

    /**
     * The services {@code up} builds, as Compose decides: those with a {@code build} section whose image is not
     * present (after the pulls), or whose pull policy is {@code build} ({@code up --build} sets it).
     */
    public static Set<String> needed(Project project, ObservedState observed) {
        Set<String> out = new LinkedHashSet<>();
        for (Service s : project.services().values()) {
            if (s.build().isEmpty()) {
                continue;
            }
            if (s.pullPolicy().equals("build") || observed.image(ObservedState.imageOf(project, s)).isEmpty()) {
                out.add(s.name());
            }
        }
        return out;
    }

    /**
     * The project as {@code up --build} sees it: every service with a {@code build} section has the pull policy
     * {@code build}, so that it is built (and not pulled) whether its image is present or not.
     */
    public static Project forcingBuilds(Project project) {
        return forcingBuilds(project, s -> true);
    }

    /** As {@link #forcingBuilds(Project)}, for the services with a {@code build} section that {@code which} picks. */
    public static Project forcingBuilds(Project project, java.util.function.Predicate<Service> which) {
        Map<String, Service> services = new LinkedHashMap<>();
        project.services().forEach((n, s) -> services.put(n, s.build().isPresent() && which.test(s)
                ? io.github.compose4j.model.codec.RecordShape.with(s, "pullPolicy", "build") : s));
        return io.github.compose4j.model.codec.RecordShape.with(project, "services",
                java.util.Collections.unmodifiableMap(services));
    }

    /**
     * Builds {@code services} as Compose does: each once the services it depends on (directly, or through services
     * that are not built) are built, as many at once as that and the parallelism limit allow. The first failure
     * stops the scheduling of builds; the builds already running finish, and the failure is thrown. Returns the
     * image id built for each image name, in dependency order.
     */
    public Map<String, String> build(Project project, Set<String> services, BuildOptions options) {
        Map<String, String> built = new LinkedHashMap<>();
        if (services.isEmpty()) {
            return built;
        }
        DependencyGraph graph = DependencyGraph.of(project.services());
        List<String> order = graph.startOrder();
        Map<String, Set<String>> waitsFor = builtBefore(graph, order, services);
        Map<String, String> ids = new ConcurrentHashMap<>();
        new BuildWalk(waitsFor, parallelism).run(name -> {
            Service service = project.services().get(name);
            ids.put(name, buildOne(project, service, options));
        });
        for (String name : order) {
            if (ids.containsKey(name)) {
                built.put(ObservedState.imageOf(project, project.services().get(name)), ids.get(name));
            }
        }
        return built;
    }

    /**
     * For each service to build, the services to build that must be built before it: its nearest ones along its
     * dependencies (those are built after theirs in turn).
     */
    static Map<String, Set<String>> builtBefore(DependencyGraph graph, List<String> startOrder, Set<String> services) {
        Map<String, Set<String>> nearest = new HashMap<>();
        Map<String, Set<String>> out = new LinkedHashMap<>();
        for (String name : startOrder) {
            Set<String> before = new TreeSet<>();
            for (String d : graph.dependencies(name)) {
                if (services.contains(d)) {
                    before.add(d);
                } else {
                    before.addAll(nearest.getOrDefault(d, Set.of()));
                }
            }
            nearest.put(name, before);
            if (services.contains(name)) {
                out.put(name, before);
            }
        }
        return out;
    }

    private String buildOne(Project project, Service service, BuildOptions options) {
        Build build = service.build().orElseThrow();
        BuildRequests.checkSupported(service, build);
        BuildContext context = BuildContext.of(build.context(), build.dockerfile(), build.dockerfileInline());
        for (String warning : DockerfileCheck.check(dockerfilePath(context), dockerfileText(context))) {
            output.warning(service.name(), warning);
        }
        var spec = BuildRequests.spec(project, service, build, options, context.dockerfile(), registry.header());
        AtomicReference<RuntimeException> writeFailure = new AtomicReference<>();
        BuildResult result;
        try (PipedInputStream body = new PipedInputStream(PIPE_BYTES)) {
            PipedOutputStream sink = new PipedOutputStream(body);
            Thread writer = new Thread(() -> write(service.name(), context, sink, writeFailure),
                    "compose-build-context-" + service.name());
            writer.setDaemon(true);
            writer.start();
            try {
                result = engine.buildImage(spec, body, m -> output.text(service.name(), render(m)));
            } catch (EngineException e) {
                if (writeFailure.get() != null) {
                    throw writeFailure.get();
                }
                throw new ComposeException(Failure.BUILD, e.getMessage(), e);
            } finally {
                body.close(); // a writer still blocked on a full pipe stops
                join(writer);
                output.finished(service.name());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (writeFailure.get() != null) {
            throw writeFailure.get();
        }
        if (result.failed()) {
            throw new BuildFailure(result.error(), result.errorCode());
        }
        return result.imageId();
    }

    private void write(String service, BuildContext context, PipedOutputStream sink,
                       AtomicReference<RuntimeException> failure) {
        Counting counting = new Counting(sink, service);
        try (sink) {
            context.write(new java.io.BufferedOutputStream(counting, 64 * 1024));
            output.uploaded(service, counting.count, true);
        } catch (ComposeException e) {
            failure.set(e);
        } catch (IOException e) {
            if (!e.getMessage().equals("Pipe closed")) {
                failure.compareAndSet(null, new ComposeException(Failure.BUILD,
                        "failed to send the build context: " + e.getMessage(), e));
            }
        } catch (RuntimeException e) {
            failure.set(e);
        }
    }

    private static void join(Thread t) {
        try {
            t.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ComposeException(Failure.CANCELED, "canceled");
        }
    }

    private static String dockerfilePath(BuildContext context) {
        return context.extra().containsKey(context.dockerfile()) ? "Dockerfile"
                : context.directory().resolve(context.dockerfile()).toString();
    }

    private static String dockerfileText(BuildContext context) {
        byte[] extra = context.extra().get(context.dockerfile());
        if (extra != null) {
            return new String(extra, StandardCharsets.UTF_8);
        }
        try {
            return Files.readString(context.directory().resolve(context.dockerfile()));
        } catch (IOException e) {
            throw new ComposeException(Failure.GENERAL, "unable to open Dockerfile: " + e.getMessage());
        }
    }

    /** The docker CLI's rendering of one message of the builder (without a terminal). */
    static String render(BuildMessage m) {
        if (!m.stream().isEmpty()) {
            return m.stream();
        }
        StringBuilder sb = new StringBuilder();
        if (!m.id().isEmpty()) {
            sb.append(m.id()).append(": ");
        }
        sb.append(m.status());
        if (!m.progress().isEmpty()) {
            sb.append(' ').append(m.progress());
        }
        return sb.append('\n').toString();
    }

    /** Counts the bytes sent and reports them every megabyte. */
    private final class Counting extends FilterOutputStream {
        private final String service;
        private long count;
        private long reported;

        Counting(OutputStream out, String service) {
            super(out);
            this.service = service;
        }

        @Override
        public void write(int b) throws IOException {
            out.write(b);
            advance(1);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
            advance(len);
        }

        private void advance(long n) {
            count += n;
            if (count - reported >= PROGRESS_STEP) {
                reported = count;
                output.uploaded(service, count, false);
            }
        }
    }
}
