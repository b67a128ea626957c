package io.github.compose4j.inspect;

/**
 * A project found on the engine by its containers' labels, as {@code ls} lists it.
 *
 * @param status      container states with their counts, {@code exited(1), running(2)}
 * @param configFiles the compose files the containers were created from, comma-separated, each once
 */
public record ProjectStack(String name, String status, String configFiles) {
}
