package io.github.compose4j.engine;

import java.util.List;
import java.util.Map;

/**
 * An image present on the engine.
 *
 * @param volumes the volumes the image declares ({@code VOLUME} instructions), by container path
 */
public record ImageSummary(String id, List<String> repoTags, List<String> repoDigests, Map<String, String> labels,
                           String os, String architecture, long created, long size, java.util.Set<String> volumes) {
    public ImageSummary {
        repoTags = List.copyOf(repoTags);
        repoDigests = List.copyOf(repoDigests);
        labels = Map.copyOf(labels);
        volumes = java.util.Set.copyOf(volumes);
    }
}
