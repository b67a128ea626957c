package io.github.compose4j.engine.swarm;

import java.util.List;
import java.util.Optional;

/** What each task of a service is: its container, resources, restart policy, placement and networks. */
public record TaskSpec(TaskContainer container, Resources resources, Optional<Restart> restart, Placement placement,
                       List<NetworkAttachment> networks, Optional<LogDriver> logDriver, long forceUpdate) {
    public TaskSpec {
        networks = List.copyOf(networks);
    }

    public TaskSpec withContainer(TaskContainer c) {
        return new TaskSpec(c, resources, restart, placement, networks, logDriver, forceUpdate);
    }

    public TaskSpec withNetworks(List<NetworkAttachment> n) {
        return new TaskSpec(container, resources, restart, placement, n, logDriver, forceUpdate);
    }

    public TaskSpec withForceUpdate(long f) {
        return new TaskSpec(container, resources, restart, placement, networks, logDriver, f);
    }

    /** Limits and reservations, each absent when nothing is set. */
    public record Resources(Optional<Amount> limits, Optional<Amount> reservations) {
        public static final Resources NONE = new Resources(Optional.empty(), Optional.empty());
    }

    /** An amount of CPU (in billionths of a CPU), memory and, for limits, processes. */
    public record Amount(long nanoCpus, long memoryBytes, long pids) {
        public boolean isEmpty() {
            return nanoCpus == 0 && memoryBytes == 0 && pids == 0;
        }
    }

    /** When Swarm restarts a task ({@code none}, {@code on-failure}, {@code any}); durations in nanoseconds. */
    public record Restart(String condition, Optional<Long> delay, Optional<Long> maxAttempts, Optional<Long> window) {
    }

    /** Where tasks may run: constraints, spread preferences (their descriptors), at most so many per node (0: any). */
    public record Placement(List<String> constraints, List<String> spread, long maxReplicasPerNode) {
        public static final Placement ANYWHERE = new Placement(List.of(), List.of(), 0);

        public Placement {
            constraints = List.copyOf(constraints);
            spread = List.copyOf(spread);
        }
    }

    /** A network the tasks join: its name (or id, once resolved), aliases and driver options. */
    public record NetworkAttachment(String target, List<String> aliases, java.util.Map<String, String> driverOpts) {
        public NetworkAttachment {
            aliases = List.copyOf(aliases);
            driverOpts = java.util.Map.copyOf(driverOpts);
        }
    }

    public record LogDriver(String name, java.util.Map<String, String> options) {
        public LogDriver {
            options = java.util.Map.copyOf(options);
        }
    }
}
