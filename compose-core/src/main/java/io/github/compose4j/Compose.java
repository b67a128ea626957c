package io.github.compose4j;

import io.github.compose4j.engine.Engine;
import io.github.compose4j.event.ProgressListener;
import io.github.compose4j.execute.ExecutionOptions;
import io.github.compose4j.execute.PlanExecutor;
import io.github.compose4j.model.Network;
import io.github.compose4j.model.Project;
import io.github.compose4j.model.Service;
import io.github.compose4j.model.Volume;
import io.github.compose4j.load.canonical.ModelBinder;
import io.github.compose4j.observe.LabelProjects;
import io.github.compose4j.observe.ObservedState;
import io.github.compose4j.plan.Action;
import io.github.compose4j.plan.DownOptions;
import io.github.compose4j.plan.DownPlanner;
import io.github.compose4j.plan.Plan;
import io.github.compose4j.plan.Planner;
import io.github.compose4j.plan.Step;
import io.github.compose4j.plan.UpOptions;

import java.util.List;

/**
 * compose4j's operations on a project, each the same story: observe the engine once, plan (pure),
 * execute the plan. Built from an engine and a progress listener; no
 * docker-java type appears here.
 */
public final class Compose {
    private final Engine engine;
    private final ProgressListener listener;
    private final int parallelism;
    private volatile PlanExecutor running;

    /**
     * @param parallelism the most engine operations at once; 0 or less for no limit
     */
    public Compose(Engine engine, ProgressListener listener, int parallelism) {
        this.engine = engine;
        this.listener = listener;
        this.parallelism = parallelism;
    }

    /** What {@code up} would do now. */
    public Plan planUp(Project project, UpOptions options) {
        return Planner.up(project, ObservedState.forUp(engine, project), options);
    }

    /**
     * Creates (and, unless told not to, starts) the project's containers, as {@code up -d}. Images to
     * pull are pulled first and the rest planned afterwards, as Compose does, so that what a container
     * is compared with is the image actually present. Returns the plan carried out after the pulls.
     */
    public Plan up(Project project, UpOptions options, ExecutionOptions execution) {
        ObservedState observed = ObservedState.forUp(engine, project);
        Plan plan = Planner.up(project, observed, options);
        List<Step> pulls = plan.steps().stream().filter(s -> s.action() instanceof Action.PullImage).toList();
        if (!pulls.isEmpty()) {
            execute(project, new Plan(pulls, List.of()), observed, execution);
            observed = ObservedState.forUp(engine, project);
            plan = Planner.upAfterPull(project, observed, options);
        }
        execute(project, plan, observed, execution);
        return plan;
    }

    /** What {@code down} would do now. */
    public Plan planDown(Project project, DownOptions options) {
        return DownPlanner.down(project, ObservedState.capture(engine, project), options);
    }

    /** Removes what {@code up} created for the project. */
    public Plan down(Project project, DownOptions options, ExecutionOptions execution) {
        ObservedState observed = ObservedState.capture(engine, project);
        Plan plan = DownPlanner.down(project, observed, options);
        execute(project, plan, observed, execution);
        return plan;
    }

    /**
     * {@code down} of a project known only by its name ({@code -p NAME} without a compose file): the engine
     * is read once, for the project its labels describe and for the plan, as Compose does.
     */
    public Plan downFromLabels(String projectName, DownOptions options, ExecutionOptions execution) {
        ObservedState observed = ObservedState.capture(engine, projectName);
        Project project = fromLabels(observed);
        Plan plan = DownPlanner.down(project, observed, options);
        execute(project, plan, observed, execution);
        return plan;
    }

    /** What {@link #downFromLabels} would do now. */
    public Plan planDownFromLabels(String projectName, DownOptions options) {
        ObservedState observed = ObservedState.capture(engine, projectName);
        return DownPlanner.down(fromLabels(observed), observed, options);
    }

    private static Project fromLabels(ObservedState observed) {
        return LabelProjects.of(observed, ModelBinder.zero(Service.class), ModelBinder.zero(Network.class),
                ModelBinder.zero(Volume.class));
    }

    /** The project as the engine's labels describe it, for commands run without a compose file. */
    public Project projectFromLabels(String projectName) {
        return fromLabels(ObservedState.capture(engine, projectName));
    }

    private void execute(Project project, Plan plan, ObservedState observed, ExecutionOptions execution) {
        PlanExecutor executor = new PlanExecutor(engine, listener, parallelism, execution);
        running = executor;
        try {
            executor.execute(project, plan, observed);
        } finally {
            running = null;
        }
    }

    /** Stops an operation in progress at its next step (the first Ctrl-C). */
    public void cancel() {
        PlanExecutor r = running;
        if (r != null) {
            r.cancel();
        }
    }

    // Inspection

    /** Reads of the project's state for {@code ps}, {@code ls}, {@code top}, {@code port}, {@code images}... */
    public io.github.compose4j.inspect.Inspection inspection() {
        return new io.github.compose4j.inspect.Inspection(engine);
    }
}
