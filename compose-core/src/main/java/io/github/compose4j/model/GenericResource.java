package io.github.compose4j.model;

import java.util.Optional;

/** A generic (Swarm) resource. */
public record GenericResource(
        @Key("discrete_resource_spec") Optional<DiscreteResource> discreteResourceSpec,
        @Key("#extensions") Extensions extensions) {
}
