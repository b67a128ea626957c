package io.github.compose4j.engine.swarm;

/** How tasks are replaced on an update or a rollback; durations in nanoseconds. */
public record UpdatePolicy(long parallelism, long delay, String failureAction, long monitor, float maxFailureRatio,
                           String order) {
}
