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
        java.util.Set<String> seen = new java.util.HashSet<>();
        for (Step s : steps) {
            if (!seen.add(s.id())) {
                throw new IllegalArgumentException("duplicate step id " + s.id());
            }
            for (String d : s.dependsOn()) {
                if (!seen.contains(d)) {
                    throw new IllegalArgumentException("step " + s.id() + " depends on " + d + ", not an earlier step");
                }
            }
        }
    }

    public boolean isEmpty() {
        return steps.isEmpty();
    }
}
