package io.github.compose4j.plan;

import java.util.List;

/**
 * What an operation will do: a DAG of steps in a stable order (every step after the ones it depends
 * on), and the warnings planning produced. Plain data: printable, comparable, executable.
 */
public record Plan(List<Step> steps, List<String> warnings) {
    public Plan {
        steps = List.copyOf(steps);
        warnings = List.copyOf(warnings);
    }

    public boolean isEmpty() {
        return steps.isEmpty();
    }
}
