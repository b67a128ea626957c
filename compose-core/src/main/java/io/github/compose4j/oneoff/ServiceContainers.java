package io.github.compose4j.oneoff;

import io.github.compose4j.engine.ContainerSummary;
import io.github.compose4j.engine.Engine;
import io.github.compose4j.error.ComposeException;
import io.github.compose4j.error.Failure;
import io.github.compose4j.observe.Labels;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The containers {@code exec} and {@code cp} act on, picked as Compose picks them. */
final class ServiceContainers {
    private ServiceContainers() {
    }

    /**
     * The service's containers (with one-offs when {@code withOneOffs}; stopped ones when {@code all}), the
     * replica {@code index} only when it is above 0, by container number (the engine's order among equals).
     */
    static List<ContainerSummary> of(Engine engine, String project, String service, boolean withOneOffs,
                                     boolean all, int index) {
        Map<String, String> labels = new LinkedHashMap<>();
        labels.put(Labels.PROJECT, project);
        labels.put(Labels.SERVICE, service);
        if (!withOneOffs) {
            labels.put(Labels.ONEOFF, "False");
        }
        if (index > 0) {
            labels.put(Labels.CONTAINER_NUMBER, Integer.toString(index));
        }
        List<ContainerSummary> found = new ArrayList<>(engine.listContainers(labels, all));
        found.sort(Comparator.comparingInt(ServiceContainers::number));
        return found;
    }

    /** The one container {@code exec} runs in: the service's first running one (Compose's getSpecifiedContainer). */
    static ContainerSummary specified(Engine engine, String project, String service, boolean withOneOffs,
                                      boolean all, int index) {
        List<ContainerSummary> found = of(engine, project, service, withOneOffs, all, index);
        if (found.isEmpty()) {
            throw new ComposeException(Failure.GENERAL, index > 0
                    ? "service \"" + service + "\" is not running container #" + index
                    : "service \"" + service + "\" is not running");
        }
        return found.get(0);
    }

    private static int number(ContainerSummary c) {
        try {
            return Integer.parseInt(c.label(Labels.CONTAINER_NUMBER));
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
