package io.github.compose4j.model;

/** A container port, optionally published on the host. {@code published} may be a range. */
public record Port(
        @Key("name") String name,
        @Key("mode") String mode,
        @Key("host_ip") String hostIp,
        @Key("target") long target,
        @Key("published") String published,
        @Key("protocol") String protocol,
        @Key("app_protocol") String appProtocol,
        @Key("#extensions") Extensions extensions) {
}
