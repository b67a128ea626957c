package io.github.compose4j.execute;

import io.github.compose4j.model.Service;

/** Container names as Compose gives them. */
public final class ContainerNames {
    /** Between project, service and number in default names. */
    public static final String SEPARATOR = "-";

    private ContainerNames() {
    }

    /** {@code container_name} when set, otherwise {@code <project>-<service>-<number>}. */
    public static String of(String projectName, Service service, int number) {
        if (!service.containerName().isEmpty()) {
            return service.containerName();
        }
        return projectName + SEPARATOR + service.name() + SEPARATOR + number;
    }

    /** The name a replacement is created under until the replaced container is gone: {@code <id12>_<name>}. */
    public static String temporary(String replacedId, String name) {
        return replacedId.substring(0, Math.min(12, replacedId.length())) + "_" + name;
    }

    /** The image a service runs: its {@code image}, otherwise {@code <project>-<service>}. */
    public static String image(String projectName, Service service) {
        return service.image().isEmpty() ? projectName + SEPARATOR + service.name() : service.image();
    }
}
