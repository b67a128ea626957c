package io.github.compose4j.engine;

import java.util.List;
import java.util.Map;

/** How a container joins one network. Empty values mean "not set". */
public record EndpointSpec(List<String> aliases, List<String> links, String ipv4Address, String ipv6Address,
                           List<String> linkLocalIps, String macAddress, Map<String, String> driverOpts,
                           long gwPriority) {
    public EndpointSpec {
        aliases = List.copyOf(aliases);
        links = List.copyOf(links);
        linkLocalIps = List.copyOf(linkLocalIps);
        driverOpts = Map.copyOf(driverOpts);
    }
}
