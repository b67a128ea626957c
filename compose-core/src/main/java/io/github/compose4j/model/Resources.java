package io.github.compose4j.model;

import java.util.Optional;

/** Resource limits and reservations. */
public record Resources(
        @Key("limits") Optional<Resource> limits,
        @Key("reservations") Optional<Resource> reservations,
        @Key("#extensions") Extensions extensions) {
}
