package io.github.compose4j.model;

import java.util.Map;
import java.util.Optional;

/** Deployment settings: replicas, resources, restart and update policies. */
public record Deploy(
        @Key("mode") String mode,
        @Key("replicas") Optional<Long> replicas,
        @Key("labels") Map<String, String> labels,
        @Key("update_config") Optional<UpdateConfig> updateConfig,
        @Key("rollback_config") Optional<UpdateConfig> rollbackConfig,
        @Key("resources") Resources resources,
        @Key("restart_policy") Optional<RestartPolicy> restartPolicy,
        @Key("placement") Placement placement,
        @Key("endpoint_mode") String endpointMode,
        @Key("#extensions") Extensions extensions) {
}
