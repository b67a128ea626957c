package io.github.compose4j.engine;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/** A network to create. */
public record NetworkSpec(String name, String driver, Map<String, String> options, String ipamDriver,
                          List<IpamPoolSpec> ipamPools, Map<String, String> ipamOptions, boolean internal,
                          boolean attachable, Optional<Boolean> enableIpv6, Optional<Boolean> enableIpv4,
                          Map<String, String> labels) {
    public NetworkSpec {
        options = Map.copyOf(options);
        ipamPools = List.copyOf(ipamPools);
        ipamOptions = Map.copyOf(ipamOptions);
        labels = Map.copyOf(labels);
    }
}
