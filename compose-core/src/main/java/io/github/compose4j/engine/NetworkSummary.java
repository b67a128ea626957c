package io.github.compose4j.engine;

import java.util.List;
import java.util.Map;

/** A network as the engine lists or inspects it. {@code containers} are the ids of attached containers. */
public record NetworkSummary(String id, String name, String driver, String scope, Map<String, String> labels,
                             boolean internal, boolean attachable, boolean enableIpv6, List<IpamPoolSpec> ipamPools,
                             List<String> containers) {
    public NetworkSummary {
        labels = Map.copyOf(labels);
        ipamPools = List.copyOf(ipamPools);
        containers = List.copyOf(containers);
    }
}
