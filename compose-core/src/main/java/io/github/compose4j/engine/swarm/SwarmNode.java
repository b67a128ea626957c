package io.github.compose4j.engine.swarm;

/** A node of the swarm: its id and host name. */
public record SwarmNode(String id, String hostname) {
}
