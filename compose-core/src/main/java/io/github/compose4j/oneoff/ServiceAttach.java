package io.github.compose4j.oneoff;

import io.github.compose4j.engine.ContainerDetails;
import io.github.compose4j.engine.ContainerSummary;
import io.github.compose4j.engine.Engine;
import io.github.compose4j.engine.ExitWatch;
import io.github.compose4j.engine.StreamFrames;
import io.github.compose4j.engine.StreamSession;
import io.github.compose4j.error.ComposeException;
import io.github.compose4j.error.Failure;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * {@code attach}: the caller's streams joined to a running container of the service, as {@code docker attach}
 * joins them, until the container exits (its exit code passed on) or the caller detaches (as docker attach, an
 * error "read escape sequence", the container running on).
 */
public final class ServiceAttach {
    private final Engine engine;
    private final AtomicBoolean cancelled = new AtomicBoolean();
    private volatile StreamSession session;

    public ServiceAttach(Engine engine) {
        this.engine = engine;
    }

    /** Ends an attach in progress from any thread, the container running on; {@link #attach} then throws CANCELED. */
    public void cancel() {
        cancelled.set(true);
        StreamSession s = session;
        if (s != null) {
            s.close();
        }
    }

    /**
     * The container to attach to, as Compose picks it (one-offs included), which must be running; its TTY and open
     * stdin tell the caller how to set up its console.
     */
    public ContainerDetails target(String projectName, AttachRequest r) {
        ContainerSummary target = ServiceContainers.specified(engine, projectName, r.service(), true, false,
                r.index());
        ContainerDetails c = engine.inspectContainer(target.id())
                .orElseThrow(() -> new ComposeException(Failure.GENERAL, "No such container: " + target.id()));
        refuseUnlessRunning(c);
        return c;
    }

    /** Attaches to {@code c} (from {@link #target}); its exit code. */
    public int attach(ContainerDetails c, AttachRequest r, Console io) {
        AtomicBoolean detached = new AtomicBoolean();
        Optional<InputStream> stdin = r.noStdin() || !c.openStdin() ? Optional.empty()
                // The engine ends the session on the detach keys only with a TTY; this notes that it did.
                : io.stdin().map(in -> c.tty() ? new DetachWatch(in, DetachKeys.parse(r.detachKeys()), detached) : in);
        ContainerConsole console = new ContainerConsole(engine, c.id(), r.sigProxy() && !c.tty(), c.tty());
        try (ExitWatch exit = engine.watchExit(c.id(), false);
             StreamSession attached = engine.attachContainer(c.id(), stdin, r.detachKeys());
             ConsoleEvents.Subscription events = io.events().subscribe(console)) {
            session = attached;
            if (!cancelled.get()) {
                io.size().ifPresent(console::resized);
                try {
                    StreamFrames.copy(attached.output(), c.tty(), io.out(), io.err());
                } catch (IOException | RuntimeException e) {
                    // The engine closed the stream as the container went away (the exit code tells the rest), or
                    // the caller cancelled.
                }
            }
            if (cancelled.get()) {
                throw new ComposeException(Failure.CANCELED, "canceled");
            }
            if (detached.get()) {
                // docker attach's words and status for a detach: the container runs on.
                throw new ComposeException(Failure.GENERAL, "read escape sequence");
            }
            return exit.await();
        } finally {
            session = null;
        }
    }

    /** docker attach's refusals, in its words. */
    private static void refuseUnlessRunning(ContainerDetails c) {
        String reason = switch (c.status()) {
            case "paused" -> "You cannot attach to a paused container, unpause it first";
            case "restarting" -> "You cannot attach to a restarting container, wait until it is running";
            default -> c.running() ? null : "You cannot attach to a stopped container, start it first";
        };
        if (reason != null) {
            throw new ComposeException(Failure.GENERAL, reason);
        }
    }

    /** Passes the caller's input on, and notes when it held the whole detach sequence. */
    static final class DetachWatch extends FilterInputStream {
        private final byte[] keys;
        private final AtomicBoolean detached;
        private int matched;

        DetachWatch(InputStream in, byte[] keys, AtomicBoolean detached) {
            super(in);
            this.keys = keys;
            this.detached = detached;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                see((byte) b);
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = super.read(buffer, offset, length);
            for (int i = 0; i < n; i++) {
                see(buffer[offset + i]);
            }
            return n;
        }

        private void see(byte b) {
            if (keys.length == 0) {
                return;
            }
            matched = b == keys[matched] ? matched + 1 : (b == keys[0] ? 1 : 0);
            if (matched == keys.length) {
                detached.set(true);
                matched = 0;
            }
        }
    }
}
