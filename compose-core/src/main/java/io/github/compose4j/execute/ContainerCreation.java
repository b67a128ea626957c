package io.github.compose4j.execute;

import io.github.compose4j.engine.ContainerSpec;
import io.github.compose4j.engine.EndpointSpec;

import java.util.List;

/**
 * A container to create, and what follows its creation before it starts.
 *
 * @param spec               the create request
 * @param connectAfterCreate networks to connect it to after creation, in priority order (engines
 *                           before API 1.44 take only one network at creation)
 * @param warnings           what Compose warns about while building the request
 */
public record ContainerCreation(ContainerSpec spec, List<NetworkAttachment> connectAfterCreate,
                                List<String> warnings) {
    public ContainerCreation {
        connectAfterCreate = List.copyOf(connectAfterCreate);
        warnings = List.copyOf(warnings);
    }

    /** A network to connect to, by engine name (or id), and how. */
    public record NetworkAttachment(String network, EndpointSpec endpoint) {
    }
}
