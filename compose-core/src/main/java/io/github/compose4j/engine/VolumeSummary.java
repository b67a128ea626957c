package io.github.compose4j.engine;

import java.util.Map;

/** A volume as the engine lists or inspects it. */
public record VolumeSummary(String name, String driver, Map<String, String> labels, String mountpoint,
                            Map<String, String> options) {
    public VolumeSummary {
        labels = Map.copyOf(labels);
        options = Map.copyOf(options);
    }
}
