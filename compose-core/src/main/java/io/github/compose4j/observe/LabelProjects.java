package io.github.compose4j.observe;

import io.github.compose4j.engine.ContainerSummary;
import io.github.compose4j.engine.NetworkSummary;
import io.github.compose4j.engine.VolumeSummary;
import io.github.compose4j.model.Dependency;
import io.github.compose4j.model.Extensions;
import io.github.compose4j.model.Network;
import io.github.compose4j.model.Project;
import io.github.compose4j.model.Service;
import io.github.compose4j.model.Volume;
import io.github.compose4j.model.codec.RecordShape;


import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;


/**
 * A project rebuilt from what the engine's labels say, for commands run without a compose file
 * ({@code compose -p NAME down}): its services (with their dependencies), networks and volumes.
 */
public final class LabelProjects {
    private LabelProjects() {
    }

    public static Project of(ObservedState observed, Service template, Network networkTemplate, Volume volumeTemplate) {
        Map<String, Service> services = new LinkedHashMap<>();
        for (ContainerSummary c : observed.serviceContainers()) {
            String name = c.label(Labels.SERVICE);
            if (services.containsKey(name)) {
                continue;
            }
            Service s = RecordShape.with(template, "name", name);
            s = RecordShape.with(s, "image", c.image());
            s = RecordShape.with(s, "dependsOn", dependencies(c.label(Labels.DEPENDS_ON)));
            services.put(name, s);
        }
        Map<String, Network> networks = new LinkedHashMap<>();
        for (NetworkSummary n : observed.projectNetworks()) {
            String key = n.labels().getOrDefault(Labels.NETWORK, n.name());
            networks.put(key, RecordShape.with(networkTemplate, "name", n.name()));
        }
        Map<String, Volume> volumes = new LinkedHashMap<>();
        for (VolumeSummary v : observed.projectVolumes()) {
            String key = v.labels().getOrDefault(Labels.VOLUME, v.name());
            volumes.put(key, RecordShape.with(volumeTemplate, "name", v.name()));
        }
        return new Project(observed.project(), services, networks, volumes, Map.of(), Map.of(), Extensions.NONE,
                Path.of("."), List.of(), Map.of(), Map.of(), List.of());
    }

    /** Parses {@code service:condition:restart,...} as Compose writes it in the depends_on label. */
    static Map<String, Dependency> dependencies(String label) {
        Map<String, Dependency> out = new LinkedHashMap<>();
        if (label.isEmpty()) {
            return out;
        }
        for (String entry : label.split(",")) {
            String[] parts = entry.split(":");
            String condition = parts.length > 1 ? parts[1] : "running_or_healthy";
            boolean restart = parts.length <= 2 || Boolean.parseBoolean(parts[2]);
            out.put(parts[0], new Dependency(condition, restart, Extensions.NONE, true));
        }
        return out;
    }

}
