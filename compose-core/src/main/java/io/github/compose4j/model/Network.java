package io.github.compose4j.model;

import java.util.Map;
import java.util.Optional;

/** A top-level network. */
public record Network(
        @Key("name") String name,
        @Key("driver") String driver,
        @Key("driver_opts") Map<String, String> driverOpts,
        @Key("ipam") Ipam ipam,
        @Key("external") boolean external,
        @Key("internal") boolean internal,
        @Key("attachable") boolean attachable,
        @Key("labels") Map<String, String> labels,
        @Key("enable_ipv4") Optional<Boolean> enableIpv4,
        @Key("enable_ipv6") Optional<Boolean> enableIpv6,
        @Key("#extensions") Extensions extensions) {
}
