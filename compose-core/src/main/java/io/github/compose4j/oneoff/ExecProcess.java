package io.github.compose4j.oneoff;

import io.github.compose4j.engine.ContainerSummary;
import io.github.compose4j.engine.Engine;
import io.github.compose4j.engine.ExecSpec;
import io.github.compose4j.engine.StreamFrames;
import io.github.compose4j.engine.StreamSession;
import io.github.compose4j.error.ComposeException;
import io.github.compose4j.error.Failure;

import java.io.IOException;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/** {@code exec}: a process in the service's container, attached like {@code docker exec}, its exit code passed on. */
public final class ExecProcess {
    private final Engine engine;

    public ExecProcess(Engine engine) {
        this.engine = engine;
    }

    /** Runs the process and answers its exit code (0 when detached). */
    public int exec(String projectName, ExecRequest r, Console io) {
        ContainerSummary target = ServiceContainers.specified(engine, projectName, r.service(), true, false,
                r.index());
        boolean attach = !r.detach();
        ExecSpec spec = new ExecSpec(r.command(), r.environment(), r.user(), r.workingDir(), r.privileged(), r.tty(),
                attach && r.interactive(), attach);
        String execId;
        try {
            execId = engine.createExec(target.id(), spec);
        } catch (RuntimeException e) {
            throw new ComposeException(Failure.GENERAL, e.getMessage(), e);
        }
        if (!attach) {
            engine.startExecDetached(execId, r.tty());
            return 0;
        }
        return attached(execId, r.tty(), r.interactive() ? io.stdin() : Optional.empty(), io);
    }

    /** Runs {@code command} in the container, its output to {@code io}, and answers its exit code. */
    public int run(String containerId, List<String> command, Console io) {
        String execId = engine.createExec(containerId, new ExecSpec(command, List.of(), "", "", false, false, false,
                true));
        return attached(execId, false, Optional.empty(), io);
    }

    private int attached(String execId, boolean tty, Optional<java.io.InputStream> stdin, Console io) {
        try (StreamSession session = engine.startExec(execId, tty, stdin);
             ConsoleEvents.Subscription events = io.events().subscribe(resizing(execId, tty))) {
            if (tty) {
                io.size().ifPresent(s -> resize(execId, s));
            }
            try {
                StreamFrames.copy(session.output(), tty, io.out(), io.err());
            } catch (IOException e) {
                // The stream ended with the process.
            }
        }
        return exitCode(execId);
    }

    /** With a TTY, the process's terminal follows the caller's size; {@code exec} forwards no signals, as docker's. */
    private ConsoleEvents.Listener resizing(String execId, boolean tty) {
        return new ConsoleEvents.Listener() {
            @Override
            public void signalled(String signal) {
            }

            @Override
            public void resized(Console.Size size) {
                if (tty) {
                    resize(execId, size);
                }
            }
        };
    }

    private void resize(String execId, Console.Size size) {
        try {
            engine.resizeExecTty(execId, size.rows(), size.columns());
        } catch (RuntimeException e) {
            // The process may be gone already.
        }
    }

    /** The engine may mark the exec finished a moment after the stream ends. */
    private int exitCode(String execId) {
        for (int attempt = 0; attempt < 100; attempt++) {
            OptionalInt code = engine.execExitCode(execId);
            if (code.isPresent()) {
                return code.getAsInt();
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        return engine.execExitCode(execId).orElse(0);
    }
}
