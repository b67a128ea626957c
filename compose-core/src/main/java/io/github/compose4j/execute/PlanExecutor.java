package io.github.compose4j.execute;

import io.github.compose4j.engine.Engine;
import io.github.compose4j.error.ComposeException;
import io.github.compose4j.error.Failure;
import io.github.compose4j.event.ProgressListener;
import io.github.compose4j.model.Project;
import io.github.compose4j.observe.ObservedState;
import io.github.compose4j.plan.Action;
import io.github.compose4j.plan.Plan;
import io.github.compose4j.plan.Step;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Runs a plan: each step once the steps it depends on are done, as many at a time as the graph and
 * the parallelism limit allow. The first failure stops the scheduling of new steps; steps already
 * running finish; the failure is then thrown. {@link #cancel()} does the same without a failure
 * (Ctrl-C), and {@link #execute} then throws a {@link Failure#CANCELED} exception.
 */
public final class PlanExecutor {
    private final Engine engine;
    private final ProgressListener listener;
    private final int parallelism;
    private final ExecutionOptions options;
    private final AtomicBoolean cancelled = new AtomicBoolean();

    /**
     * @param parallelism the most steps running at once; 0 or less for no limit
     */
    public PlanExecutor(Engine engine, ProgressListener listener, int parallelism, ExecutionOptions options) {
        this.engine = engine;
        this.listener = listener;
        this.parallelism = parallelism;
        this.options = options;
    }

    /**
     * Whether the plan leaves every container as observed (a no-op {@code up}): its start steps then read the
     * observation instead of listing the containers again.
     */
    private static boolean keepsEveryContainer(Plan plan) {
        for (Step s : plan.steps()) {
            Action a = s.action();
            if (!(a instanceof Action.KeepContainer || a instanceof Action.StartService
                    || a instanceof Action.WaitForServices || a instanceof Action.CheckExternalNetwork
                    || a instanceof Action.CheckExternalVolume)) {
                return false;
            }
        }
        return true;
    }

    /** Stops scheduling steps; running ones finish. */
    public void cancel() {
        cancelled.set(true);
    }

    public void execute(Project project, Plan plan, ObservedState observed) {
        execute(project, plan, observed, io.github.compose4j.observe.ConfigHashes.lazy());
    }

    /** As {@link #execute(Project, Plan, ObservedState)}, with the services' config hashes from {@code hashes}. */
    public void execute(Project project, Plan plan, ObservedState observed, io.github.compose4j.observe.ConfigHashes hashes) {
        plan.warnings().forEach(listener::warning);
        if (plan.isEmpty()) {
            return;
        }
        Runtime runtime = new Runtime(project, observed, hashes, keepsEveryContainer(plan));
        StepRunner runner = new StepRunner(engine, listener, runtime, options);
        Map<String, Integer> pending = new HashMap<>();
        Map<String, List<Step>> dependents = new HashMap<>();
        for (Step s : plan.steps()) {
            pending.put(s.id(), s.dependsOn().size());
            for (String d : s.dependsOn()) {
                dependents.computeIfAbsent(d, k -> new ArrayList<>()).add(s);
            }
        }
        int threads = parallelism > 0 ? Math.min(parallelism, plan.steps().size()) : Math.min(64, plan.steps().size());
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, threads), r -> {
            Thread t = new Thread(r, "compose-step");
            t.setDaemon(true);
            return t;
        });
        Progress progress = new Progress(runner, pool, dependents, pending);
        try {
            progress.runAll(plan.steps());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            cancelled.set(true);
        } finally {
            pool.shutdownNow();
        }
        if (progress.failure.get() != null) {
            throw progress.failure.get();
        }
        if (cancelled.get()) {
            throw new ComposeException(Failure.CANCELED, "canceled");
        }
        if (progress.done() < plan.steps().size()) {
            throw new IllegalStateException("plan has steps that can never run (a dependency cycle or unknown id)");
        }
    }

    /**
     * Runs the steps as their dependencies complete. The thread that completes a step goes on with the first step
     * this made ready and hands the others to the pool: when the machine is busy (the daemon starting containers
     * uses every CPU), each hand-over from thread to thread waits for a CPU, and a dependency chain would pay it at
     * every link.
     */
    private final class Progress {
        private final StepRunner runner;
        private final ExecutorService pool;
        private final Map<String, List<Step>> dependents;
        private final Map<String, Integer> pending;
        private final Object lock = new Object();
        private final AtomicReference<RuntimeException> failure = new AtomicReference<>();
        private int running;
        private int done;

        Progress(StepRunner runner, ExecutorService pool, Map<String, List<Step>> dependents,
                 Map<String, Integer> pending) {
            this.runner = runner;
            this.pool = pool;
            this.dependents = dependents;
            this.pending = pending;
        }

        /** Runs the steps without dependencies, and all that follow them; returns when none is running. */
        void runAll(List<Step> steps) throws InterruptedException {
            synchronized (lock) {
                for (Step s : steps) {
                    if (s.dependsOn().isEmpty() && !cancelled.get()) {
                        running++;
                        pool.execute(() -> chain(s));
                    }
                }
                while (running > 0) {
                    lock.wait();
                }
            }
        }

        int done() {
            synchronized (lock) {
                return done;
            }
        }

        private void chain(Step first) {
            Step step = first;
            while (step != null) {
                RuntimeException error = null;
                try {
                    runner.run(step);
                } catch (RuntimeException e) {
                    error = e;
                }
                Step next = null;
                synchronized (lock) {
                    done++;
                    if (error != null) {
                        failure.compareAndSet(null, error);
                    } else if (failure.get() == null && !cancelled.get()) {
                        for (Step d : dependents.getOrDefault(step.id(), List.of())) {
                            if (pending.merge(d.id(), -1, Integer::sum) == 0) {
                                if (next == null) {
                                    next = d;
                                } else {
                                    running++;
                                    Step other = d;
                                    pool.execute(() -> chain(other));
                                }
                            }
                        }
                    }
                    if (next == null) {
                        running--;
                        lock.notifyAll();
                    }
                }
                step = next;
            }
        }
    }
}
