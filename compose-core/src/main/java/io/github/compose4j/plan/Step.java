package io.github.compose4j.plan;

import java.util.List;

/**
 * A step of a plan: an action, the steps it must wait for, and why it is needed.
 *
 * @param id        unique within the plan, stable for the same inputs
 * @param dependsOn ids of earlier steps
 */
public record Step(String id, Action action, List<String> dependsOn, String reason) {
    public Step {
        dependsOn = List.copyOf(dependsOn);
    }
}
