package io.github.compose4j.engine.swarm;

/**
 * How many tasks a service runs: {@code replicas} for the replicated kinds (for a replicated job, the number of
 * completions, also run at once), 0 for the global ones.
 */
public record ServiceMode(Kind kind, long replicas) {
    public enum Kind {
        REPLICATED("replicated"), GLOBAL("global"), REPLICATED_JOB("replicated job"), GLOBAL_JOB("global job");

        private final String display;

        Kind(String display) {
            this.display = display;
        }

        /** As {@code docker service ls} shows it. */
        public String display() {
            return display;
        }
    }
}
