package io.github.compose4j.logs;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;

/**
 * The one thread that talks to the {@link LogConsumer}: reader and watcher threads queue {@link StreamEvent}s,
 * {@link #run} handles them in order. The queue is bounded, so fast containers wait for the terminal rather than
 * filling memory. Mirrors Docker Compose's log printer: it tracks the containers it follows, reports their exits,
 * returns once the last one has ended, and with cascade stop calls the stop action at the first exit.
 */
public final class LogPrinter {
    private static final int QUEUE = 1024;

    private final LogConsumer consumer;
    private final BlockingQueue<StreamEvent> queue = new ArrayBlockingQueue<>(QUEUE);
    private volatile boolean stopped;

    public LogPrinter(LogConsumer consumer) {
        this.consumer = consumer;
    }

    /** Queues an event, waiting while the queue is full; ignored once the printer has stopped. */
    public void handle(StreamEvent event) {
        try {
            while (!stopped) {
                if (queue.offer(event, 100, java.util.concurrent.TimeUnit.MILLISECONDS)) {
                    return;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The user cancelled: output is no longer shown. */
    public void cancel() {
        handle(new StreamEvent.Cancel());
    }

    /** Ends {@link #run} once everything queued so far is handled. */
    public void finish() {
        handle(new StreamEvent.End());
    }

    /** Ends {@link #run} at once, dropping what is queued. */
    public void stop() {
        stopped = true;
        queue.clear();
        queue.offer(new StreamEvent.End());
    }

    /**
     * Handles events until the last followed container has ended, or {@link #finish}/{@link #stop}.
     *
     * @param cascadeStop  call {@code stopAll} when the first container ends
     * @param exitCodeFrom the service whose exit code to return; empty for the first to exit (with cascade stop)
     * @return the exit code to report (0 without cascade stop)
     */
    public int run(boolean cascadeStop, String exitCodeFrom, Runnable stopAll) {
        return loop(cascadeStop, exitCodeFrom, stopAll, true);
    }

    /** Handles events until {@link #finish} or {@link #stop}, reporting exits but not ending with them. */
    public void runToFinish() {
        loop(false, "", () -> { }, false);
    }

    private int loop(boolean cascadeStop, String exitCodeFrom, Runnable stopAll, boolean endWithLastContainer) {
        boolean aborting = false;
        int exitCode = 0;
        String codeFrom = exitCodeFrom;
        Map<String, Boolean> containers = new HashMap<>();
        try {
            while (!stopped) {
                StreamEvent event = queue.poll();
                if (event == null) {
                    consumer.flush();
                    event = queue.take();
                }
                if (event instanceof StreamEvent.End) {
                    return exitCode;
                } else if (event instanceof StreamEvent.Cancel) {
                    aborting = true;
                } else if (event instanceof StreamEvent.Attach a) {
                    if (containers.putIfAbsent(a.id(), true) == null && !a.container().isEmpty()) {
                        consumer.register(a.container());
                    }
                } else if (event instanceof StreamEvent.Lines l) {
                    if (!aborting) {
                        consumer.log(l.container(), l.stderr(), l.lines());
                    }
                } else if (event instanceof StreamEvent.Exit x) {
                    if (!aborting && Boolean.TRUE.equals(containers.get(x.id()))) {
                        consumer.status(x.container(), "exited with code " + x.exitCode());
                        if (x.recreated()) {
                            consumer.status(x.container(), "has been recreated");
                        }
                    }
                    containers.put(x.id(), false);
                    if (!x.restarting()) {
                        containers.remove(x.id());
                    }
                    if (cascadeStop) {
                        if (!aborting) {
                            aborting = true;
                            consumer.flush();
                            stopAll.run();
                        }
                        if (x.died() && !x.recreated()) {
                            if (codeFrom.isEmpty()) {
                                codeFrom = x.service();
                            }
                            if (codeFrom.equals(x.service())) {
                                exitCode = x.exitCode();
                            }
                        }
                    }
                    if (endWithLastContainer && containers.isEmpty()) {
                        return exitCode;
                    }
                }
            }
            return exitCode;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return exitCode;
        } finally {
            consumer.flush();
            stopped = true;
            queue.clear();
        }
    }
}
