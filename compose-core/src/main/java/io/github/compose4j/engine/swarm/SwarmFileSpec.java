package io.github.compose4j.engine.swarm;

import java.util.Map;

/**
 * A secret or config to create: its content, or for a secret an external driver that provides it (then
 * {@code data} is empty). Swarm objects are immutable: new content needs a new name.
 */
public record SwarmFileSpec(SwarmFile.Kind kind, String name, Map<String, String> labels, byte[] data, String driver,
                            Map<String, String> driverOptions, String templateDriver) {
    public SwarmFileSpec {
        labels = Map.copyOf(labels);
        driverOptions = Map.copyOf(driverOptions);
        data = data.clone();
    }

    @Override
    public byte[] data() {
        return data.clone();
    }
}
