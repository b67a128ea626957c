package io.github.compose4j.cli;

import io.github.compose4j.error.ComposeException;
import io.github.compose4j.error.Failure;

/** The most engine operations at once: {@code --parallel}, else {@code COMPOSE_PARALLEL_LIMIT}, else no limit. */
final class Parallelism {
    private Parallelism() {
    }

    static int of(ComposeCommand root) {
        String limit = root.ctx.env().get("COMPOSE_PARALLEL_LIMIT");
        // -1 is --parallel's default: the variable applies only when the flag is not given.
        if (limit == null || root.global.parallel != -1) {
            return root.global.parallel;
        }
        try {
            return Integer.parseInt(limit.strip());
        } catch (NumberFormatException e) {
            throw new ComposeException(Failure.GENERAL,
                "COMPOSE_PARALLEL_LIMIT must be an integer (found: \"" + limit + "\")");
        }
    }
}
