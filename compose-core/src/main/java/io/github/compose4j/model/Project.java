package io.github.compose4j.model;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A loaded, validated compose project. {@code services} holds the enabled services (active
 * profiles); {@code disabledServices} the others. Maps are in no meaningful order; callers sort.
 */
public record Project(
        @Key("name") String name,
        @Key(value = "services", omitEmpty = false, yamlOmitEmpty = false) Map<String, Service> services,
        @Key("networks") Map<String, Network> networks,
        @Key("volumes") Map<String, Volume> volumes,
        @Key("secrets") Map<String, FileObject> secrets,
        @Key("configs") Map<String, FileObject> configs,
        @Key("#extensions") Extensions extensions,
        @Key(value = "working_dir", hidden = true) Path workingDir,
        @Key(value = "compose_files", hidden = true) List<String> composeFiles,
        @Key(value = "environment", hidden = true) Map<String, String> environment,
        @Key(value = "disabled_services", hidden = true) Map<String, Service> disabledServices,
        @Key(value = "profiles", hidden = true) List<String> profiles) {

    public Optional<Service> service(String serviceName) {
        return Optional.ofNullable(services.get(serviceName));
    }
}
