package io.github.compose4j.model;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/** How to build a service's image. */
public record Build(
        @Key("context") String context,
        @Key("dockerfile") String dockerfile,
        @Key("dockerfile_inline") String dockerfileInline,
        @Key("entitlements") List<String> entitlements,
        @Key("args") Map<String, Optional<String>> args,
        @Key("ssh") List<SshKey> ssh,
        @Key("labels") Map<String, String> labels,
        @Key("cache_from") List<String> cacheFrom,
        @Key("cache_to") List<String> cacheTo,
        @Key("no_cache") boolean noCache,
        @Key("additional_contexts") Map<String, String> additionalContexts,
        @Key("pull") boolean pull,
        @Key("extra_hosts") HostList extraHosts,
        @Key("isolation") String isolation,
        @Key("network") String network,
        @Key("target") String target,
        @Key("secrets") List<FileMount> secrets,
        @Key("shm_size") Bytes shmSize,
        @Key("tags") List<String> tags,
        @Key("ulimits") Map<String, Ulimit> ulimits,
        @Key("platforms") List<String> platforms,
        @Key("privileged") boolean privileged,
        @Key("#extensions") Extensions extensions) {
}
