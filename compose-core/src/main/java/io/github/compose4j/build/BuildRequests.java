package io.github.compose4j.build;

import io.github.compose4j.engine.ImageBuildSpec;
import io.github.compose4j.error.ComposeException;
import io.github.compose4j.error.Failure;
import io.github.compose4j.model.Build;
import io.github.compose4j.model.Project;
import io.github.compose4j.model.Service;
import io.github.compose4j.observe.ObservedState;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** A service's {@code build} section as Compose hands it to the classic builder. */
final class BuildRequests {
    /** The label Compose puts on images its classic builds produce. */
    static final String BUILDER_LABEL = "com.docker.compose.image.builder";

    private BuildRequests() {
    }

    /** Fails, in Compose's words, on what the classic builder cannot do. */
    static void checkSupported(Service service, Build build) {
        String unsupported = null;
        if (build.platforms().size() > 1) {
            unsupported = "multi-arch build";
        } else if (build.privileged()) {
            unsupported = "privileged mode";
        } else if (!build.additionalContexts().isEmpty()) {
            unsupported = "additional contexts";
        } else if (!build.ssh().isEmpty()) {
            unsupported = "SSH keys";
        } else if (!build.secrets().isEmpty()) {
            unsupported = "secrets";
        }
        if (unsupported != null) {
            throw new ComposeException(Failure.BUILD, "the classic builder doesn't support " + unsupported
                    + " (service \"" + service.name() + "\"); compose4j builds with the engine's classic builder");
        }
        if (!service.platform().isEmpty() && !build.platforms().isEmpty()
                && !build.platforms().contains(service.platform())) {
            throw new ComposeException(Failure.GENERAL, "service \"" + service.name()
                    + "\" build configuration does not support platform: " + service.platform());
        }
    }

    static ImageBuildSpec spec(Project project, Service service, Build build, BuildOptions options,
                               String dockerfile, String registryConfig) {
        List<String> tags = new ArrayList<>(build.tags());
        tags.add(ObservedState.imageOf(project, service));
        Map<String, String> labels = new LinkedHashMap<>(build.labels());
        labels.put(BUILDER_LABEL, "classic");
        String platform = !service.platform().isEmpty() ? service.platform()
                : build.platforms().size() == 1 ? build.platforms().get(0) : "";
        return new ImageBuildSpec(tags, dockerfile, args(project, build, options), build.target(), labels,
                build.cacheFrom(), build.extraHosts().asList(":"), build.network(), build.shmSize().value(),
                build.noCache() || options.noCache(), build.pull() || options.pull(), platform, build.isolation(),
                registryConfig, options.memory());
    }

    /**
     * The build arguments: the service's, then the command line's over them; one without a value takes the
     * project environment's, if it has one (else the Dockerfile's default applies).
     */
    static Map<String, Optional<String>> args(Project project, Build build, BuildOptions options) {
        Map<String, Optional<String>> args = new LinkedHashMap<>(build.args());
        args.putAll(options.args());
        args.replaceAll((k, v) -> v.isPresent() ? v : Optional.ofNullable(project.environment().get(k)));
        return args;
    }
}
