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
        AtomicReference<RuntimeException> failure = new AtomicReference<>();
        Object lock = new Object();
        int[] running = {0};
        int[] done = {0};
        List<Step> ready = new ArrayList<>();
        for (Step s : plan.steps()) {
            if (s.dependsOn().isEmpty()) {
                ready.add(s);
            }
        }
        try {
            synchronized (lock) {
                while (true) {
                    if (failure.get() == null && !cancelled.get()) {
                        for (Step s : ready) {
                            running[0]++;
                            pool.execute(() -> {
                                RuntimeException error = null;
                                try {
                                    runner.run(s);
                                } catch (RuntimeException e) {
                                    error = e;
                                }
                                synchronized (lock) {
                                    running[0]--;
                                    done[0]++;
                                    if (error != null) {
                                        failure.compareAndSet(null, error);
                                    } else {
                                        for (Step next : dependents.getOrDefault(s.id(), List.of())) {
                                            if (pending.merge(next.id(), -1, Integer::sum) == 0) {
                                                ready.add(next);
                                            }
                                        }
                                    }
                                    lock.notifyAll();
                                }
                            });
                        }
                        ready.clear();
                    }
                    if (running[0] == 0 && (ready.isEmpty() || failure.get() != null || cancelled.get())) {
                        break;
                    }
                    lock.wait();
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            cancelled.set(true);
        } finally {
            pool.shutdownNow();
        }
        if (failure.get() != null) {
            throw failure.get();
        }
        if (cancelled.get()) {
            throw new ComposeException(Failure.CANCELED, "canceled");
        }
        if (done[0] < plan.steps().size()) {
            throw new IllegalStateException("plan has steps that can never run (a dependency cycle or unknown id)");
        }
    }
}
