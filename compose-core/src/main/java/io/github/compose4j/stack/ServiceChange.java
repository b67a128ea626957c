package io.github.compose4j.stack;

import io.github.compose4j.engine.swarm.ServiceSpec;
import io.github.compose4j.engine.swarm.SwarmService;
import java.util.Optional;

/**
 * What a deploy does to one service: create it, update it (the daemon rolls its tasks per its update policy), or
 * leave it as it is because the spec the swarm has is the one the file asks for. {@code docker stack deploy} always
 * sends an update; an unchanged spec is skipped here, which keeps the service's version and its tasks.
 */
public record ServiceChange(Kind kind, ServiceSpec spec, Optional<SwarmService> current) {
    public enum Kind { CREATE, UPDATE, UNCHANGED }

    /**
     * Decides the change for {@code desired} (its image still as the file names it) given the service the swarm
     * has, if any, and the image to run ({@code image}, pinned to a digest when one was resolved).
     */
    public static ServiceChange of(ServiceSpec desired, Optional<SwarmService> current, String image) {
        ServiceSpec spec = desired.withTask(desired.task().withContainer(desired.task().container().withImage(image)));
        if (current.isEmpty()) {
            return new ServiceChange(Kind.CREATE, spec, current);
        }
        // Stack deploy has no --force: keep the counter so that tasks are not restarted for it.
        spec = spec.withTask(spec.task().withForceUpdate(current.get().spec().task().forceUpdate()));
        return new ServiceChange(spec.equals(current.get().spec()) ? Kind.UNCHANGED : Kind.UPDATE, spec, current);
    }

    /**
     * The image a service runs: {@code resolved} (the file's image pinned to a digest) when it was asked for;
     * otherwise, when the file still names the image the service was deployed from, the image it runs now (which
     * keeps a digest pinned by an earlier deploy); otherwise the file's image.
     */
    public static String image(String fileImage, Optional<SwarmService> current, Optional<String> resolved) {
        if (resolved.isPresent()) {
            return resolved.get();
        }
        if (current.isPresent() && fileImage.equals(current.get().spec().labels().get(StackLabels.IMAGE))) {
            return current.get().spec().task().container().image();
        }
        return fileImage;
    }

    /** Whether the registry is asked for the digest of {@code fileImage}, per {@code --resolve-image}. */
    public static boolean resolves(DeployOptions.ResolveImage mode, String fileImage, Optional<SwarmService> current) {
        return switch (mode) {
            case ALWAYS -> true;
            case CHANGED -> current.isEmpty()
                || !fileImage.equals(current.get().spec().labels().get(StackLabels.IMAGE));
            case NEVER -> false;
        };
    }
}
