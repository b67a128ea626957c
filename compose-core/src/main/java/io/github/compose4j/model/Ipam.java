package io.github.compose4j.model;

import java.util.List;

/** IP address management of a network. */
public record Ipam(
        @Key("driver") String driver,
        @Key("config") List<IpamPool> config,
        @Key("#extensions") Extensions extensions) {
}
