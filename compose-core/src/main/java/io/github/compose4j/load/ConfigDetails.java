package io.github.compose4j.load;

import io.github.compose4j.load.source.ConfigFile;

import java.util.List;
import java.util.Map;

/**
 * The input of one load: the compose files in order, the directory relative paths are resolved
 * against, and the environment interpolation reads.
 */
public record ConfigDetails(String workingDir, List<ConfigFile> files, Map<String, String> environment) {
    public ConfigDetails {
        files = List.copyOf(files);
        environment = Map.copyOf(environment);
    }
}
