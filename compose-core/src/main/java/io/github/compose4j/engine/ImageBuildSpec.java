package io.github.compose4j.engine;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What the engine's classic builder is asked to build (the context travels apart, as a tar stream).
 *
 * @param tags           names given to the image; the first is the service's image
 * @param dockerfile     the Dockerfile's path inside the context
 * @param buildArgs      build arguments; an empty value is sent without one (the Dockerfile's default applies)
 * @param shmSize        bytes of /dev/shm for the build's containers; 0 for the engine's default
 * @param platform       the one platform to build for; empty for the engine's own
 * @param registryConfig the {@code X-Registry-Config} header (base64 JSON of credentials by registry); empty for none
 * @param memory         bytes of memory for the build's containers; 0 for no limit
 */
public record ImageBuildSpec(List<String> tags, String dockerfile, Map<String, Optional<String>> buildArgs,
                             String target, Map<String, String> labels, List<String> cacheFrom, List<String> extraHosts,
                             String network, long shmSize, boolean noCache, boolean pull, String platform,
                             String isolation, String registryConfig, long memory) {
    public ImageBuildSpec {
        tags = List.copyOf(tags);
        buildArgs = Map.copyOf(buildArgs);
        labels = Map.copyOf(labels);
        cacheFrom = List.copyOf(cacheFrom);
        extraHosts = List.copyOf(extraHosts);
    }

    /** This build with the given {@code X-Registry-Config} header. */
    public ImageBuildSpec withRegistryConfig(String header) {
        return new ImageBuildSpec(tags, dockerfile, buildArgs, target, labels, cacheFrom, extraHosts, network, shmSize,
                noCache, pull, platform, isolation, header, memory);
    }
}
