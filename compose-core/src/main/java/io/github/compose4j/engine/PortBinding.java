package io.github.compose4j.engine;

/** A published port: container port and protocol, and the host address and port when published. */
public record PortBinding(String hostIp, int hostPort, int containerPort, String protocol) {
}
