package io.github.compose4j.engine;

import java.util.Map;

/** An address pool of a network. Empty strings mean "not set". */
public record IpamPoolSpec(String subnet, String ipRange, String gateway, Map<String, String> auxAddresses) {
    public IpamPoolSpec {
        auxAddresses = Map.copyOf(auxAddresses);
    }
}
