package io.github.compose4j.cli.render;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Time for a progress display: the clock its timers read, when the process started (for log lines),
 * and what calls its redraw every 100 ms. {@link #system} runs a daemon thread; {@link #manual} lets a
 * test set the time and draw frames one at a time.
 */
public abstract class Ticker {
    static final Duration PERIOD = Duration.ofMillis(100);

    /** Current time. */
    public abstract Instant now();

    /** The local time zone. */
    public abstract ZoneId zone();

    /** When the process started. */
    public abstract Instant origin();

    /** Starts calling {@code redraw} periodically; the returned action stops it and waits for a call in flight. */
    abstract Runnable start(Runnable redraw);

    /**
     * The system clock and a redraw thread; {@code origin} tells when the process started. The zone and the origin
     * are read when first asked for: a display that shows neither (most) does not pay for them.
     */
    public static Ticker system(java.util.function.Supplier<Instant> origin) {
        return new SystemTicker(origin);
    }

    /** A clock that moves only when told to, and frames drawn only on {@link Manual#tick()}. */
    public static Manual manual(Instant start, ZoneId zone) {
        return new Manual(start, zone);
    }

    private static final class SystemTicker extends Ticker {
        private final java.util.function.Supplier<Instant> originSource;
        private ZoneId zone;
        private Instant origin;

        SystemTicker(java.util.function.Supplier<Instant> origin) {
            this.originSource = origin;
        }

        @Override
        public Instant now() {
            return Clock.systemUTC().instant();
        }

        @Override
        public synchronized ZoneId zone() {
            if (zone == null) {
                zone = ZoneId.systemDefault();
            }
            return zone;
        }

        @Override
        public synchronized Instant origin() {
            if (origin == null) {
                origin = originSource.get();
            }
            return origin;
        }

        @Override
        Runnable start(Runnable redraw) {
            ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor(r -> {
                Thread t = new Thread(r, "compose-progress");
                t.setDaemon(true);
                return t;
            });
            // Fixed delay: a late frame is not followed by a burst of catch-up frames (Go's ticker drops ticks).
            executor.scheduleWithFixedDelay(redraw, PERIOD.toMillis(), PERIOD.toMillis(), TimeUnit.MILLISECONDS);
            return () -> {
                executor.shutdownNow();
                try {
                    executor.awaitTermination(1, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            };
        }
    }

    /** A ticker for tests. */
    public static final class Manual extends Ticker {
        private final ZoneId zone;
        private final Instant origin;
        private Instant now;
        private Runnable redraw = () -> { };

        private Manual(Instant start, ZoneId zone) {
            this.origin = start;
            this.now = start;
            this.zone = zone;
        }

        @Override
        public synchronized Instant now() {
            return now;
        }

        @Override
        public ZoneId zone() {
            return zone;
        }

        @Override
        public Instant origin() {
            return origin;
        }

        /** Moves the clock on. */
        public synchronized Manual advance(Duration d) {
            now = now.plus(d);
            return this;
        }

        /** Draws a frame now, as the redraw thread would. */
        public void tick() {
            Runnable r;
            synchronized (this) {
                r = redraw;
            }
            r.run();
        }

        /** Moves the clock on by the redraw period and draws a frame. */
        public Manual tickAfterPeriod() {
            advance(PERIOD);
            tick();
            return this;
        }

        @Override
        synchronized Runnable start(Runnable redraw) {
            this.redraw = redraw;
            return () -> {
                synchronized (this) {
                    this.redraw = () -> { };
                }
            };
        }
    }
}
