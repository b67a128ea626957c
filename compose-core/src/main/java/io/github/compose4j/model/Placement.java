package io.github.compose4j.model;

import java.util.List;

/** Swarm placement rules. */
public record Placement(
        @Key("constraints") List<String> constraints,
        @Key("preferences") List<PlacementPreference> preferences,
        @Key("max_replicas_per_node") long maxReplicasPerNode,
        @Key("#extensions") Extensions extensions) {
}
