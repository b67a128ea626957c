package io.github.compose4j.model;

import java.util.List;
import java.util.Map;

/** How a service joins one network. */
public record ServiceNetwork(
        @Key("priority") long priority,
        @Key("gw_priority") long gwPriority,
        @Key("aliases") List<String> aliases,
        @Key("ipv4_address") String ipv4Address,
        @Key("ipv6_address") String ipv6Address,
        @Key("link_local_ips") List<String> linkLocalIps,
        @Key("mac_address") String macAddress,
        @Key("driver_opts") Map<String, String> driverOpts,
        @Key("#extensions") Extensions extensions) {
}
