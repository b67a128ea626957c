package io.github.compose4j.execute;

import static io.github.compose4j.observe.Labels.CONFIG_FILES;
import static io.github.compose4j.observe.Labels.CONFIG_HASH;
import static io.github.compose4j.observe.Labels.CONTAINER_NUMBER;
import static io.github.compose4j.observe.Labels.DEPENDS_ON;
import static io.github.compose4j.observe.Labels.ENVIRONMENT_FILE;
import static io.github.compose4j.observe.Labels.IMAGE;
import static io.github.compose4j.observe.Labels.NETWORK;
import static io.github.compose4j.observe.Labels.ONEOFF;
import static io.github.compose4j.observe.Labels.PROJECT;
import static io.github.compose4j.observe.Labels.REPLACE;
import static io.github.compose4j.observe.Labels.SERVICE;
import static io.github.compose4j.observe.Labels.VERSION;
import static io.github.compose4j.observe.Labels.VOLUME;
import static io.github.compose4j.observe.Labels.WORKING_DIR;

import io.github.compose4j.model.Dependency;
import io.github.compose4j.model.Project;
import io.github.compose4j.model.Service;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** The {@code com.docker.compose.*} labels Compose puts on the containers, networks and volumes it creates. */
public final class ComposeLabels {
    private ComposeLabels() {
    }

    /**
     * The labels every container of a service gets whatever it runs (Compose's "custom labels"):
     * project, service, version, working directory, compose files, one-off flag, and the
     * {@code --env-file} files when some were given.
     *
     * @param envFiles the {@code --env-file} values, made absolute, in order
     */
    public static Map<String, String> service(Project project, String serviceName, String composeVersion,
                                              List<String> envFiles, boolean oneoff) {
        Map<String, String> labels = new LinkedHashMap<>();
        labels.put(PROJECT, project.name());
        labels.put(SERVICE, serviceName);
        labels.put(VERSION, composeVersion);
        labels.put(WORKING_DIR, project.workingDir() == null ? "" : project.workingDir().toString());
        labels.put(CONFIG_FILES, String.join(",", project.composeFiles()));
        labels.put(ONEOFF, oneoff ? "True" : "False");
        if (!envFiles.isEmpty()) {
            labels.put(ENVIRONMENT_FILE, String.join(",", envFiles));
        }
        return labels;
    }

    /**
     * All the labels of a container: the service's own labels, overridden by {@code serviceLabels}
     * (from {@link #service}), the image id when known, the replaced container's id on a recreate,
     * then the config hash, the container number and the dependencies.
     *
     * @param imageId    the id ({@code sha256:...}) of the local image the container runs, when known
     * @param replacedId the id of the container this one replaces
     * @param configHash the service's {@link io.github.compose4j.observe.ConfigHash}
     */
    public static Map<String, String> container(Service service, Map<String, String> serviceLabels,
                                                Optional<String> imageId, Optional<String> replacedId,
                                                String configHash, int number) {
        Map<String, String> labels = new TreeMap<>(service.labels());
        labels.putAll(serviceLabels);
        imageId.ifPresent(id -> labels.put(IMAGE, id));
        replacedId.ifPresent(id -> labels.put(REPLACE, id));
        labels.put(CONFIG_HASH, configHash);
        labels.put(CONTAINER_NUMBER, Integer.toString(number));
        labels.put(DEPENDS_ON, dependsOn(service));
        return labels;
    }

    /**
     * {@code service:condition:restart} for each dependency, comma-separated. Compose walks a Go map,
     * so its order varies from run to run; here it is by service name.
     */
    public static String dependsOn(Service service) {
        List<String> parts = new ArrayList<>();
        new TreeMap<>(service.dependsOn()).forEach((name, d) -> parts.add(dependency(name, d)));
        return String.join(",", parts);
    }

    private static String dependency(String name, Dependency d) {
        return name + ":" + d.condition() + ":" + d.restart();
    }

    /** A network's labels: its own, then network key, project and version. */
    public static Map<String, String> network(Project project, String key, Map<String, String> own,
                                              String composeVersion) {
        Map<String, String> labels = new TreeMap<>(own);
        labels.put(NETWORK, key);
        labels.put(PROJECT, project.name());
        labels.put(VERSION, composeVersion);
        return labels;
    }

    /** A volume's labels: its own, then volume key, project and version. */
    public static Map<String, String> volume(Project project, String key, Map<String, String> own,
                                             String composeVersion) {
        Map<String, String> labels = new TreeMap<>(own);
        labels.put(VOLUME, key);
        labels.put(PROJECT, project.name());
        labels.put(VERSION, composeVersion);
        return labels;
    }
}
