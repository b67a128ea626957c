package io.github.compose4j.build;

import io.github.compose4j.error.ComposeException;
import io.github.compose4j.error.Failure;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;

/**
 * Runs a task for each service once the services it waits for are done, as many at once as the parallelism limit
 * allows. The first failure stops the scheduling of tasks; those already running finish, and the failure is then
 * thrown.
 */
final class BuildWalk {
    private final Map<String, Set<String>> waitsFor;
    private final int parallelism;
    private final Map<String, Integer> pending = new HashMap<>();
    private final Map<String, List<String>> dependents = new HashMap<>();
    private final Object lock = new Object();
    private Throwable failure;
    private int running;
    private ExecutorService pool;
    private Consumer<String> task;

    /**
     * @param waitsFor    each service to run, in the order to start them in, with the services it waits for (all
     *                    among the keys)
     * @param parallelism the most tasks at once; 0 or less for no limit
     */
    BuildWalk(Map<String, Set<String>> waitsFor, int parallelism) {
        this.waitsFor = waitsFor;
        this.parallelism = parallelism;
        waitsFor.forEach((name, before) -> {
            pending.put(name, before.size());
            for (String b : before) {
                dependents.computeIfAbsent(b, k -> new ArrayList<>()).add(name);
            }
        });
    }

    void run(Consumer<String> task) {
        if (waitsFor.isEmpty()) {
            return;
        }
        this.task = task;
        int threads = parallelism > 0 ? Math.min(parallelism, waitsFor.size()) : waitsFor.size();
        pool = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "compose-build");
            t.setDaemon(true);
            return t;
        });
        try {
            synchronized (lock) {
                waitsFor.forEach((name, before) -> {
                    if (before.isEmpty()) {
                        submit(name);
                    }
                });
                while (running > 0) {
                    lock.wait();
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            synchronized (lock) {
                if (failure == null) {
                    failure = new ComposeException(Failure.CANCELED, "canceled");
                }
            }
        } finally {
            pool.shutdownNow();
        }
        synchronized (lock) {
            if (failure instanceof Error e) {
                throw e;
            }
            if (failure != null) {
                throw (RuntimeException) failure;
            }
        }
    }

    /** Called holding the lock. */
    private void submit(String name) {
        running++;
        pool.execute(() -> {
            Throwable thrown = null;
            try {
                task.accept(name);
            } catch (RuntimeException | Error e) {
                thrown = e;
            } finally {
                synchronized (lock) {
                    running--;
                    if (thrown != null && failure == null) {
                        failure = thrown;
                    }
                    if (failure == null) {
                        for (String d : dependents.getOrDefault(name, List.of())) {
                            if (pending.merge(d, -1, Integer::sum) == 0) {
                                submit(d);
                            }
                        }
                    }
                    lock.notifyAll();
                }
            }
        });
    }
}
