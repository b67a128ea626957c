package io.github.compose4j.observe;

import io.github.compose4j.error.ComposeException;
import io.github.compose4j.error.Failure;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.function.Supplier;

/**
 * Engine reads issued side by side: the daemon answers them concurrently, so observing a project takes about its
 * longest read rather than the sum of all of them.
 */
final class Reads {
    /** Threads for the reads of one observation, beyond the caller's own. */
    static final int THREADS = 4;

    private Reads() {
    }

    /** Starts {@code read} on a thread of its own; the result waits for it, and rethrows what it threw. */
    static <T> Supplier<T> start(Supplier<T> read) {
        FutureTask<T> task = new FutureTask<>(read::get);
        Thread t = new Thread(task, "compose-observe");
        t.setDaemon(true);
        t.start();
        return () -> {
            try {
                return task.get();
            } catch (ExecutionException e) {
                if (e.getCause() instanceof RuntimeException r) {
                    throw r;
                }
                if (e.getCause() instanceof Error err) {
                    throw err;
                }
                throw new IllegalStateException(e.getCause());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new ComposeException(Failure.CANCELED, "canceled");
            }
        };
    }

    /** Reads each item, on at most {@link #THREADS} threads; the results come in the order of the items. */
    static <I, T> Supplier<List<T>> startAll(List<I> items, java.util.function.Function<I, T> read) {
        int threads = Math.min(THREADS, items.size());
        List<Supplier<List<T>>> slices = new ArrayList<>();
        for (int i = 0; i < threads; i++) {
            int first = i;
            slices.add(start(() -> {
                List<T> out = new ArrayList<>();
                for (int j = first; j < items.size(); j += threads) {
                    out.add(read.apply(items.get(j)));
                }
                return out;
            }));
        }
        return () -> {
            List<List<T>> done = new ArrayList<>();
            for (Supplier<List<T>> slice : slices) {
                done.add(slice.get());
            }
            List<T> out = new ArrayList<>(items.size());
            for (int j = 0; j < items.size(); j++) {
                out.add(done.get(j % threads).get(j / threads));
            }
            return out;
        };
    }
}
