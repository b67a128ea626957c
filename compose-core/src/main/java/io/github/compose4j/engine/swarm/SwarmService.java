package io.github.compose4j.engine.swarm;

/**
 * A service as the daemon has it: id, the version an update must name, its spec, and its running, desired and (for
 * jobs) completed task counts.
 */
public record SwarmService(String id, long version, ServiceSpec spec, long runningTasks, long desiredTasks,
                           long completedTasks) {
}
