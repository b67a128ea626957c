package io.github.compose4j.junit;

import io.github.compose4j.Compose;
import io.github.compose4j.engine.Engine;
import io.github.compose4j.engine.VolumeSpec;
import io.github.compose4j.engine.VolumeSummary;
import io.github.compose4j.event.ProgressListener;
import io.github.compose4j.execute.ExecutionOptions;
import io.github.compose4j.plan.DownOptions;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Ownership of stacks by JVM, and the removal of stacks whose JVM died without removing them (killed, or crashed).
 * Each stack not meant to outlive its JVM has a marker volume labelled with its owner, created before the stack
 * and removed after it; the marker stays outside the project, so it changes no configuration hash.
 */
final class Janitor {
    private final Engine engine;

    Janitor(Engine engine) {
        this.engine = engine;
    }

    static String markerName(String project) {
        return project + "_compose4j-owner";
    }

    void mark(String project, Owner owner) {
        engine.createVolume(new VolumeSpec(markerName(project), "local", Map.of(),
                Map.of(Owner.MARKER_LABEL, "owner", Owner.OWNER_LABEL, owner.label(), Owner.PROJECT_LABEL, project)));
    }

    void unmark(String project) {
        try {
            engine.removeVolume(markerName(project), true);
        } catch (RuntimeException e) {
            // Already gone: another JVM's janitor may have been quicker.
        }
    }

    /** Removes ({@code down -v}) every stack whose owning JVM is gone; answers their project names. */
    List<String> sweep() {
        List<String> removed = new ArrayList<>();
        for (VolumeSummary marker : engine.listVolumes(Map.of(Owner.MARKER_LABEL, "owner"))) {
            String project = marker.labels().get(Owner.PROJECT_LABEL);
            boolean dead = Owner.parse(marker.labels().getOrDefault(Owner.OWNER_LABEL, ""))
                    .map(Owner::isDeadHere).orElse(false);
            if (project == null || !dead) {
                continue;
            }
            try {
                new Compose(engine, ProgressListener.NONE, 0).downFromLabels(project,
                        new DownOptions(List.of(), true, true, ""), ExecutionOptions.defaults());
                unmark(project);
                removed.add(project);
            } catch (RuntimeException e) {
                // Another JVM may be removing it at the same time; the next sweep tries again.
            }
        }
        return removed;
    }
}
