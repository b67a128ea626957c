package io.github.compose4j.model;

/** A Swarm placement preference. */
public record PlacementPreference(@Key("spread") String spread, @Key("#extensions") Extensions extensions) {
}
