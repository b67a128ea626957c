package io.github.compose4j.execute;

/**
 * How {@code compose push} pushes.
 *
 * @param ignoreFailures push what can be pushed and succeed anyway ({@code --ignore-push-failures})
 * @param quiet          no layer progress ({@code -q})
 */
public record PushOptions(boolean ignoreFailures, boolean quiet) {
}
