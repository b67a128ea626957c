package io.github.compose4j.cli;

import io.github.compose4j.error.ComposeException;
import io.github.compose4j.load.LoadOptions;
import io.github.compose4j.model.Project;

import java.util.List;
import java.util.Optional;

/**
 * Which project a reading command is about, found as Docker Compose finds it: {@code -p NAME} alone names it
 * without loading any file; otherwise the compose files are loaded (and {@code COMPOSE_PROJECT_NAME} is the
 * fallback when they cannot be).
 *
 * @param project the loaded project, when files were loaded
 */
record ProjectScope(Optional<Project> project, String name) {

    /** The project name only ({@code toProjectName}): {@code -p}, then the environment, then the files. */
    static String name(ComposeCommand root) {
        if (root.global.projectName != null && !root.global.projectName.isEmpty()) {
            return root.global.projectName;
        }
        String fromEnv = root.ctx.env().get("COMPOSE_PROJECT_NAME");
        if (fromEnv != null && !fromEnv.isEmpty()) {
            return fromEnv;
        }
        return root.loader().load(LoadOptions.DEFAULT, List.of()).name();
    }

    /** The project, or only its name when given with {@code -p} and no file ({@code projectOrName}). */
    static ProjectScope of(ComposeCommand root) {
        String name = root.global.projectName;
        if (root.global.files.isEmpty() && name != null && !name.isEmpty()) {
            return new ProjectScope(Optional.empty(), name);
        }
        try {
            Project p = root.loader().load(LoadOptions.DEFAULT, List.of());
            return new ProjectScope(Optional.of(p), p.name());
        } catch (ComposeException e) {
            String fromEnv = root.ctx.env().get("COMPOSE_PROJECT_NAME");
            if (fromEnv != null && !fromEnv.isEmpty()) {
                return new ProjectScope(Optional.empty(), fromEnv);
            }
            throw e;
        }
    }
}
