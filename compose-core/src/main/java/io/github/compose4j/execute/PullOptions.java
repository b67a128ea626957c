package io.github.compose4j.execute;

/**
 * How {@code compose pull} pulls.
 *
 * @param ignoreFailures  pull what can be pulled and succeed anyway ({@code --ignore-pull-failures})
 * @param ignoreBuildable skip the services that can be built ({@code --ignore-buildable})
 * @param quiet           no layer progress ({@code -q})
 */
public record PullOptions(boolean ignoreFailures, boolean ignoreBuildable, boolean quiet) {
}
