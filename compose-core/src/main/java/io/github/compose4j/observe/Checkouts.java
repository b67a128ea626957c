package io.github.compose4j.observe;

import io.github.compose4j.engine.ContainerSummary;
import io.github.compose4j.model.Project;

/**
 * Two checkouts whose folders share a name make two projects of one name. A container's
 * {@code project.working_dir} label tells which folder it was created from, so that one checkout never removes
 * the other's containers as orphans (stricter than Docker Compose, which removes them).
 */
public final class Checkouts {
    private Checkouts() {
    }

    /** Whether the container was created from another folder than the project's; unknown folders are not "other". */
    public static boolean fromOtherFolder(ContainerSummary c, Project project) {
        String label = c.label(Labels.WORKING_DIR);
        if (label.isEmpty() || project.workingDir() == null || !project.workingDir().isAbsolute()) {
            return false;
        }
        return !label.equals(project.workingDir().toString());
    }

    /** The warning for an orphan of another folder that is kept. */
    public static String keptWarning(ContainerSummary c) {
        return "container " + c.name() + " was created for project \"" + c.label(Labels.PROJECT)
                + "\" from another folder (" + c.label(Labels.WORKING_DIR) + "): kept; use --remove-foreign-orphans "
                + "to remove it";
    }
}
