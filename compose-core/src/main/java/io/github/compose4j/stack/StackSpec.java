package io.github.compose4j.stack;

import io.github.compose4j.engine.NetworkSpec;
import io.github.compose4j.engine.swarm.ServiceSpec;
import io.github.compose4j.engine.swarm.SwarmFileSpec;
import java.util.List;

/**
 * What a stack is made of on the swarm: the networks to create, the external networks that must exist, secrets and
 * configs (under their versioned names), services by name; and the attributes Swarm ignores, one warning each.
 */
public record StackSpec(String name, List<NetworkSpec> networks, List<String> externalNetworks,
                        List<SwarmFileSpec> files, List<ServiceSpec> services, List<String> warnings) {
    public StackSpec {
        networks = List.copyOf(networks);
        externalNetworks = List.copyOf(externalNetworks);
        files = List.copyOf(files);
        services = List.copyOf(services);
        warnings = List.copyOf(warnings);
    }
}
