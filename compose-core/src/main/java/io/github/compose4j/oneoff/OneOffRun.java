package io.github.compose4j.oneoff;

import io.github.compose4j.engine.Engine;
import io.github.compose4j.engine.ExitWatch;
import io.github.compose4j.engine.StreamFrames;
import io.github.compose4j.engine.StreamSession;
import io.github.compose4j.error.ComposeException;
import io.github.compose4j.error.Failure;
import io.github.compose4j.event.ProgressListener;
import io.github.compose4j.execute.ExecutionOptions;
import io.github.compose4j.execute.OneOffContainers;
import io.github.compose4j.model.Project;
import io.github.compose4j.model.Service;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Optional;

/**
 * The one-off container of {@code run}, once its dependencies run: created with the one-off labels, then
 * started detached (its id printed) or attached to the caller's streams until it exits, as
 * {@code docker start -a} does.
 */
public final class OneOffRun {
    private static final SecureRandom RANDOM = new SecureRandom();

    private final Engine engine;
    private final ProgressListener listener;

    public OneOffRun(Engine engine, ProgressListener listener) {
        this.engine = engine;
        this.listener = listener;
    }

    /**
     * Runs the one-off of {@code project} (already {@link RunProjects#apply applied}) and answers its exit code
     * (0 when detached).
     */
    private volatile String created;

    public int run(Project project, RunRequest r, ExecutionOptions execution, Console io) {
        Service service = project.services().get(r.service());
        OneOffContainers containers = new OneOffContainers(engine, listener, execution);
        if (!r.noDeps()) {
            containers.waitDependencies(project, service);
        }
        String slug = slug();
        Service oneOff = RunProjects.oneOff(project, service, r);
        String name = oneOff.containerName().isEmpty() ? defaultName(project.name(), service.name(), slug,
                execution.separator()) : oneOff.containerName();
        String id = containers.create(project, oneOff, new OneOffContainers.OneOff(name, slug, r.useAliases(),
                r.autoRemove(), r.interactive()));
        created = id;
        if (r.detach()) {
            engine.startContainer(id);
            PrintStream out = new PrintStream(io.out(), true, StandardCharsets.UTF_8);
            out.println(id);
            return 0;
        }
        return attached(id, r, io);
    }

    /** {@code <project>-<service>-run-<first 12 hex of the slug>}. */
    static String defaultName(String project, String service, String slug, String separator) {
        return project + separator + service + separator + "run" + separator + slug.substring(0, 12);
    }

    /** 64 random hex digits that do not read as a number, as the engine's random ids. */
    static String slug() {
        while (true) {
            byte[] bytes = new byte[32];
            RANDOM.nextBytes(bytes);
            String hex = HexFormat.of().formatHex(bytes);
            if (!hex.substring(0, 12).chars().allMatch(Character::isDigit)) {
                return hex;
            }
        }
    }

    private int attached(String id, RunRequest r, Console io) {
        Optional<java.io.InputStream> stdin = r.interactive() ? io.stdin() : Optional.empty();
        // Every signal the caller receives goes to the container, as Docker Compose forwards them from the moment
        // the container exists (a signal before it runs is lost, as there).
        ContainerConsole console = new ContainerConsole(engine, id, true, r.tty());
        try (StreamSession session = engine.attachContainer(id, stdin, "");
             ExitWatch exit = engine.watchExit(id, r.autoRemove());
             ConsoleEvents.Subscription events = io.events().subscribe(console)) {
            try {
                engine.startContainer(id);
            } catch (RuntimeException e) {
                throw new ComposeException(Failure.GENERAL, e.getMessage(), e);
            }
            io.size().ifPresent(console::resized);
            try {
                StreamFrames.copy(session.output(), r.tty(), io.out(), io.err());
            } catch (IOException e) {
                // The engine closed the stream as the container went away; the exit code tells the rest.
            }
            return exit.await();
        }
    }

    /**
     * Stops (or with {@code kill}, kills) the one-off this run created, from any thread: how an interrupted
     * {@code run} ends its container, which {@code --rm} then removes (the engine's auto-remove), instead of leaving
     * it running without the process attached to it.
     */
    public void stop(boolean kill) {
        String id = created;
        if (id == null) {
            return;
        }
        try {
            if (kill) {
                engine.killContainer(id, "SIGKILL");
            } else {
                engine.stopContainer(id, java.util.OptionalInt.empty());
            }
        } catch (RuntimeException e) {
            // Already ended or removed.
        }
    }
}
