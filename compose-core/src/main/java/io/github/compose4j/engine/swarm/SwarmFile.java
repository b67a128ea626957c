package io.github.compose4j.engine.swarm;

import java.util.Map;

/** A secret or config the swarm holds: id, name and labels (its content cannot be read back). */
public record SwarmFile(Kind kind, String id, String name, Map<String, String> labels) {
    public SwarmFile {
        labels = Map.copyOf(labels);
    }

    public enum Kind { SECRET, CONFIG }
}
