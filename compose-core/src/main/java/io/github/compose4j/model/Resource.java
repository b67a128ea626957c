package io.github.compose4j.model;

import java.util.List;

/** An amount of resources. {@code cpus} is a (fractional) number of CPUs. */
public record Resource(
        @Key("cpus") float cpus,
        @Key("memory") Bytes memory,
        @Key("pids") long pids,
        @Key("devices") List<DeviceRequest> devices,
        @Key("generic_resources") List<GenericResource> genericResources,
        @Key("#extensions") Extensions extensions) {
}
