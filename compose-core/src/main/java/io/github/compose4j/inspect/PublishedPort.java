package io.github.compose4j.inspect;

/** Where a container port is published on the host, as {@code port} prints it. */
public record PublishedPort(String hostIp, int hostPort) {
}
