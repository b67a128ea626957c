package io.github.compose4j.engine;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Small specs for engine tests: everything "not set" except what a test names. */
public final class TestSpecs {
    private TestSpecs() {
    }

    public static ContainerSpec container(String name, String image, Map<String, String> labels, List<String> cmd) {
        return container(name, image, labels, cmd, "", Map.of());
    }

    public static ContainerSpec container(String name, String image, Map<String, String> labels, List<String> cmd,
                                          String networkMode, Map<String, EndpointSpec> endpoints) {
        return new ContainerSpec(name, "", config(image, labels, cmd), host(networkMode), endpoints);
    }

    public static ContainerSpec.Config config(String image, Map<String, String> labels, List<String> cmd) {
        return new ContainerSpec.Config(image, cmd.isEmpty() ? Optional.empty() : Optional.of(cmd),
            Optional.empty(), List.of(), "", "", "", "", labels, List.of(), false, false, false, false, false, false,
            "", Optional.empty(), Optional.empty(), false, "", Map.of());
    }

    public static ContainerSpec.Host host(String networkMode) {
        return new ContainerSpec.Host(List.of(), List.of(), Map.of(), List.of(), false, networkMode, List.of(),
            ContainerSpec.RestartPolicy.NONE, false, List.of(), List.of(), List.of(), List.of(), List.of(), List.of(),
            List.of(), "", "", "", "", "", "", false, false, Optional.empty(), List.of(), Map.of(), Map.of(), 0, "",
            "", "", List.of(), ContainerSpec.LogConfig.DEFAULT, Map.of(), 0, noResources());
    }

    public static ContainerSpec.Resources noResources() {
        return new ContainerSpec.Resources(0, 0, 0, 0, 0, 0, "", "", 0, 0, 0, 0, 0, Optional.empty(),
            Optional.empty(), Optional.empty(), 0, List.of(), List.of(), List.of(), List.of(), List.of(), List.of(),
            List.of(), List.of(), List.of());
    }

    public static EndpointSpec endpoint(String... aliases) {
        return new EndpointSpec(List.of(aliases), List.of(), "", "", List.of(), "", Map.of(), 0);
    }

    public static NetworkSpec network(String name, Map<String, String> labels) {
        return network(name, labels, List.of());
    }

    public static NetworkSpec network(String name, Map<String, String> labels, List<IpamPoolSpec> pools) {
        return new NetworkSpec(name, "", Map.of(), "", pools, Map.of(), false, false, Optional.empty(),
            Optional.empty(), labels);
    }

    public static VolumeSpec volume(String name, Map<String, String> labels) {
        return new VolumeSpec(name, "", Map.of(), labels);
    }

    // Inspection

    /** A host config that publishes the given ports. */
    public static ContainerSpec.Host publishing(List<PortBinding> ports) {
        return new ContainerSpec.Host(List.of(), List.of(), Map.of(), ports, false, "", List.of(),
            ContainerSpec.RestartPolicy.NONE, false, List.of(), List.of(), List.of(), List.of(), List.of(), List.of(),
            List.of(), "", "", "", "", "", "", false, false, Optional.empty(), List.of(), Map.of(), Map.of(), 0, "",
            "", "", List.of(), ContainerSpec.LogConfig.DEFAULT, Map.of(), 0, noResources());
    }
}
