package io.github.compose4j.model;

/** A counted generic resource. */
public record DiscreteResource(
        @Key(value = "kind", omitEmpty = false, yamlOmitEmpty = false) String kind,
        @Key(value = "value", omitEmpty = false, yamlOmitEmpty = false) long value,
        @Key("#extensions") Extensions extensions) {
}
