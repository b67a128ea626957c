package io.github.compose4j.load.merge;

/**
 * Compose's exceptions to the generic merge, as one table of path pattern to strategy (compose-go
 * v2.4.8 {@code override/merge.go}, the version the reference {@code docker compose} is built with).
 */
final class MergeRules {
    static final PathTable<MergeStrategy> TABLE = PathTable.<MergeStrategy>builder()
            .add("networks.*.ipam.config", IpamConfigMerge::merge)
            .add("networks.*.labels", MergeStrategies::toSequence)
            .add("volumes.*.labels", MergeStrategies::toSequence)
            .add("services.*.annotations", MergeStrategies::toSequence)
            .add("services.*.build", MergeStrategies::build)
            .add("services.*.build.args", MergeStrategies::toSequence)
            .add("services.*.build.additional_contexts", MergeStrategies::toSequence)
            .add("services.*.build.extra_hosts", MergeStrategies::extraHosts)
            .add("services.*.build.labels", MergeStrategies::toSequence)
            .add("services.*.command", MergeStrategies::replace)
            .add("services.*.depends_on", MergeStrategies::dependsOn)
            .add("services.*.deploy.labels", MergeStrategies::toSequence)
            .add("services.*.dns", MergeStrategies::toSequence)
            .add("services.*.dns_opt", MergeStrategies::toSequence)
            .add("services.*.dns_search", MergeStrategies::toSequence)
            .add("services.*.entrypoint", MergeStrategies::replace)
            .add("services.*.env_file", MergeStrategies::toSequence)
            .add("services.*.label_file", MergeStrategies::toSequence)
            .add("services.*.environment", MergeStrategies::toSequence)
            .add("services.*.extra_hosts", MergeStrategies::extraHosts)
            .add("services.*.healthcheck.test", MergeStrategies::replace)
            .add("services.*.labels", MergeStrategies::toSequence)
            .add("services.*.logging", MergeStrategies::logging)
            .add("services.*.networks", MergeStrategies::networks)
            .add("services.*.sysctls", MergeStrategies::toSequence)
            .add("services.*.tmpfs", MergeStrategies::toSequence)
            // Compose merges the override ulimit with itself (not with the base): a plain replace.
            .add("services.*.ulimits.*", MergeStrategies::replace)
            .build();

    private MergeRules() {
    }
}
