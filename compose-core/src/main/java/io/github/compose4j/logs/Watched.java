package io.github.compose4j.logs;

import io.github.compose4j.engine.ContainerDetails;
import io.github.compose4j.engine.ContainerSummary;
import io.github.compose4j.observe.Labels;
import java.util.Map;

/**
 * A container as output is labelled with it.
 *
 * @param name the name shown in prefixes: {@code service-1}, or the whole name when {@code container_name} chose it
 */
public record Watched(String id, String name, String service) {
    public static Watched of(ContainerSummary c) {
        return of(c.id(), c.name(), c.labels());
    }

    public static Watched of(ContainerDetails c) {
        return of(c.id(), c.name(), c.labels());
    }

    static Watched of(String id, String fullName, Map<String, String> labels) {
        String name = fullName.startsWith("/") ? fullName.substring(1) : fullName;
        String project = labels.getOrDefault(Labels.PROJECT, "");
        String service = labels.getOrDefault(Labels.SERVICE, "");
        String defaultName = project + "-" + service + "-" + labels.getOrDefault(Labels.CONTAINER_NUMBER, "");
        return new Watched(id, name.equals(defaultName) ? name.substring(project.length() + 1) : name, service);
    }
}
