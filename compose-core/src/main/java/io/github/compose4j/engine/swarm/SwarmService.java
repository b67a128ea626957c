package io.github.compose4j.engine.swarm;

/**
 * A service as the daemon has it: id, the version an update must name, its spec, its running, desired and (for
 * jobs) completed task counts, and the state of its last rolling update ({@code updating}, {@code completed},
 * {@code paused}, {@code rollback_started}...; empty when it was never updated).
 */
public record SwarmService(String id, long version, ServiceSpec spec, long runningTasks, long desiredTasks,
                           long completedTasks, String updateState) {
}
