package io.github.compose4j.model;

import java.util.List;
import java.util.Map;

/** A device reservation (GPUs...). {@code count} is -1 for "all". */
public record DeviceRequest(
        @Key("capabilities") List<String> capabilities,
        @Key("driver") String driver,
        @Key("count") long count,
        @Key("device_ids") List<String> deviceIds,
        @Key("options") Map<String, String> options) {
}
