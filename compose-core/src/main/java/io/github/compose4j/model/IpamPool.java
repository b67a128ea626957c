package io.github.compose4j.model;

import java.util.Map;

/** One address pool of a network. */
public record IpamPool(
        @Key("subnet") String subnet,
        @Key("gateway") String gateway,
        @Key("ip_range") String ipRange,
        @Key("aux_addresses") Map<String, String> auxAddresses,
        @Key("#extensions") Extensions extensions) {
}
