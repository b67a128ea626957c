package io.github.compose4j.api;

import io.github.compose4j.Compose;
import io.github.compose4j.engine.ContainerSummary;
import io.github.compose4j.engine.Engine;
import io.github.compose4j.engine.LogQuery;
import io.github.compose4j.engine.OutputChunk;
import io.github.compose4j.engine.ContainerOutput;
import io.github.compose4j.event.ProgressListener;
import io.github.compose4j.execute.ExecutionOptions;
import io.github.compose4j.inspect.ContainerRow;
import io.github.compose4j.inspect.Inspection;
import io.github.compose4j.model.Project;
import io.github.compose4j.observe.Labels;
import io.github.compose4j.oneoff.Console;
import io.github.compose4j.oneoff.ExecRequest;
import io.github.compose4j.plan.DownOptions;
import io.github.compose4j.plan.RecreatePolicy;
import io.github.compose4j.plan.UpOptions;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.locks.ReentrantLock;

/**
 * One Compose project driven from Java: {@code up}, {@code down}, {@code ps}, {@code logs}, {@code exec} and the
 * lifecycle of single containers, with typed results and no {@code docker compose} binary.
 *
 * <pre>{@code
 * try (Engine engine = DockerEngines.fromEnvironment(System.getenv());
 *      ComposeProject stack = ComposeProject.open(engine, ProjectSource.files(Path.of("compose.yaml"))
 *              .withProjectName("it-" + UUID.randomUUID().toString().substring(0, 8)), ProgressListener.NONE)) {
 *     stack.up(UpSettings.defaults());                      // returns once every service is ready
 *     int port = stack.ps("web").get(0).ports().get(0).publishedPort();
 *     ExecResult r = stack.exec("db", 0, "pg_isready");
 * }                                                          // down -v: the stack is gone
 * }</pre>
 *
 * <p>Thread-safe: operations that change the stack ({@code up}, {@code down}) are serialized on this project only,
 * so several projects of one JVM come up at once; reads and container operations may run concurrently. The engine
 * belongs to the caller and may be shared by several projects.
 */
public final class ComposeProject implements AutoCloseable {
    private final Engine engine;
    private final Project project;
    private final ProgressListener listener;
    private final ReentrantLock changing = new ReentrantLock();
    private volatile boolean broughtUp;
    private volatile boolean keep;
    private volatile boolean closed;

    private ComposeProject(Engine engine, Project project, ProgressListener listener) {
        this.engine = engine;
        this.project = project;
        this.listener = listener;
    }

    /**
     * Loads the project of {@code source}; nothing is sent to the engine yet.
     *
     * @param listener receives {@code up}'s and {@code down}'s progress events and the loader's warnings, from
     *                 several threads
     */
    public static ComposeProject open(Engine engine, ProjectSource source, ProgressListener listener) {
        return of(engine, source.load(listener::warning), listener);
    }

    /** A project already loaded (and possibly transformed by the caller). */
    public static ComposeProject of(Engine engine, Project project, ProgressListener listener) {
        return new ComposeProject(engine, project, listener);
    }

    /** The project name, which prefixes every container, network and volume of the stack. */
    public String name() {
        return project.name();
    }

    /** The loaded model. */
    public Project project() {
        return project;
    }

    /**
     * Creates and starts the stack as {@code docker compose up -d} does: containers whose configuration did not
     * change are kept (adopted) as they are, the others created or recreated. With {@link UpSettings#waitReady()}
     * returns only once every service is ready.
     *
     * @throws NotReadyException when a service fails or the timeout passes, with its state, health log and last
     *                           log lines
     */
    public void up(UpSettings settings) {
        ensureOpen();
        changing.lock();
        try {
            RecreatePolicy recreate = settings.forceRecreate() ? RecreatePolicy.FORCE : RecreatePolicy.DIVERGED;
            UpOptions options = new UpOptions(settings.services(), recreate, RecreatePolicy.DIVERGED, true, true,
                    false, false, 0, "-");
            broughtUp = true;
            compose().up(project, options, ExecutionOptions.defaults());
        } finally {
            changing.unlock();
        }
        if (settings.waitReady()) {
            List<String> services = settings.services().isEmpty() ? List.copyOf(project.services().keySet())
                    : List.copyOf(io.github.compose4j.select.Selection.closure(project, settings.services()));
            new Readiness(this).await(services, settings.timeout());
        }
    }

    /** Removes the stack's containers and networks, and with {@code volumes} its volumes, as {@code down [-v]}. */
    public void down(boolean volumes) {
        changing.lock();
        try {
            compose().down(project, new DownOptions(List.of(), true, volumes, ""), ExecutionOptions.defaults());
            broughtUp = false;
        } finally {
            changing.unlock();
        }
    }

    /** The stack's service containers, running or not, sorted by service and replica. */
    public List<ServiceContainer> ps() {
        return ps(List.of());
    }

    /** The containers of one service, by replica. */
    public List<ServiceContainer> ps(String service) {
        return ps(List.of(service));
    }

    private List<ServiceContainer> ps(List<String> services) {
        List<ServiceContainer> result = new ArrayList<>();
        for (ContainerRow row : new Inspection(engine).ps(project.name(), services, true)) {
            if (!"False".equals(row.labels().get(Labels.ONEOFF))) {
                continue;
            }
            List<ServiceContainer.Port> ports = row.publishers().stream()
                    .map(p -> new ServiceContainer.Port(p.targetPort(), p.protocol(), p.url(), p.publishedPort()))
                    .toList();
            result.add(new ServiceContainer(row.id(), row.name(), row.service(),
                    number(row.labels().get(Labels.CONTAINER_NUMBER)), row.state(),
                    Optional.of(row.health()).filter(h -> !h.isEmpty()), row.exitCode(), ports));
        }
        result.sort(Comparator.comparing(ServiceContainer::service).thenComparingInt(ServiceContainer::index));
        return List.copyOf(result);
    }

    /**
     * A service container's output, stdout and stderr interleaved as written.
     *
     * @param index     the replica number; 0 for all of the service's containers
     * @param tailLines only the last lines of each container; 0 or less for all
     */
    public String logs(String service, int index, int tailLines) {
        StringBuilder out = new StringBuilder();
        for (ContainerSummary c : containers(service, index, true)) {
            out.append(output(c.id(), tailLines));
        }
        return out.toString();
    }

    /**
     * Runs a command in a running container of the service, as {@code exec -T}, and waits for it to end.
     *
     * @param index the replica number; 0 for the first
     */
    public ExecResult exec(String service, int index, String... command) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        ExecRequest request = new ExecRequest(service, List.of(command), List.of(), "", "", false, false, false,
                false, index);
        int code = compose().exec(project.name(), request, new Console(Optional.empty(), out, err, Optional.empty()));
        return new ExecResult(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    /** Starts a stopped container of the service (replica {@code index}, 0 for all). */
    public void start(String service, int index) {
        containers(service, index, true).forEach(c -> engine.startContainer(c.id()));
    }

    /** Stops the service's running containers (replica {@code index}, 0 for all), each with its grace period. */
    public void stop(String service, int index) {
        containers(service, index, false).forEach(c -> engine.stopContainer(c.id(), OptionalInt.empty()));
    }

    /** Restarts the service's containers (replica {@code index}, 0 for all). */
    public void restart(String service, int index) {
        containers(service, index, true).forEach(c -> engine.restartContainer(c.id(), OptionalInt.empty()));
    }

    /** Sends {@code signal} ({@code SIGKILL}, {@code SIGTERM}...) to the service's running containers. */
    public void kill(String service, int index, String signal) {
        containers(service, index, false).forEach(c -> engine.killContainer(c.id(), signal));
    }

    /** The last results of the container's health check, oldest first; empty without a health check. */
    public List<String> healthLog(String containerId) {
        return engine.healthLog(containerId);
    }

    /**
     * Leaves the stack in place when this project is closed (to look at it after a failed test, or to adopt it on
     * the next run).
     */
    public void keep() {
        keep = true;
    }

    /**
     * Removes the stack ({@code down -v}) if this object brought it up and {@link #keep()} was not called. The
     * engine stays open.
     */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        if (broughtUp && !keep) {
            down(true);
        }
    }

    String output(String containerId, int tailLines) {
        LogQuery query = new LogQuery(false, tailLines > 0 ? Integer.toString(tailLines) : "all", "", "", false);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ContainerOutput output = engine.containerLogs(containerId, query)) {
            for (Optional<OutputChunk> chunk = output.next(); chunk.isPresent(); chunk = output.next()) {
                bytes.writeBytes(chunk.get().bytes());
            }
        }
        return bytes.toString(StandardCharsets.UTF_8);
    }

    private List<ContainerSummary> containers(String service, int index, boolean all) {
        Map<String, String> labels = new HashMap<>();
        labels.put(Labels.PROJECT, project.name());
        labels.put(Labels.SERVICE, service);
        labels.put(Labels.ONEOFF, "False");
        if (index > 0) {
            labels.put(Labels.CONTAINER_NUMBER, Integer.toString(index));
        }
        List<ContainerSummary> found = new ArrayList<>(engine.listContainers(labels, all));
        found.sort(Comparator.comparingInt(c -> number(c.label(Labels.CONTAINER_NUMBER))));
        if (found.isEmpty()) {
            throw new io.github.compose4j.error.ComposeException(io.github.compose4j.error.Failure.GENERAL,
                    index > 0 ? "service \"" + service + "\" has no container #" + index
                            : "service \"" + service + "\" has no " + (all ? "" : "running ") + "container");
        }
        return found;
    }

    private Compose compose() {
        // One facade per operation: its cancel hook belongs to that operation only.
        return new Compose(engine, listener, 0);
    }

    private void ensureOpen() {
        if (closed) {
            throw new IllegalStateException("project " + project.name() + " is closed");
        }
    }

    private static int number(String label) {
        try {
            return label == null ? 0 : Integer.parseInt(label);
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
