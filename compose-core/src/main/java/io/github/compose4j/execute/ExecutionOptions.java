package io.github.compose4j.execute;

import java.util.List;
import java.util.OptionalInt;

/**
 * How steps run.
 *
 * @param stopTimeoutSeconds how long a stop waits before killing ({@code -t}); empty for each
 *                           container's own stop grace period
 * @param envFiles           the {@code --env-file}s given, recorded on containers as Compose does
 * @param waitForStarted     whether started containers are reported as still working (before waiting on them)
 * @param separator          between project, service and number in container names
 * @param home               the user's home directory (for {@code ~} in security profiles)
 */
public record ExecutionOptions(OptionalInt stopTimeoutSeconds, List<String> envFiles, boolean waitForStarted,
                               String separator, java.util.Optional<java.nio.file.Path> home) {
    public ExecutionOptions {
        envFiles = List.copyOf(envFiles);
    }

    public static ExecutionOptions defaults() {
        return new ExecutionOptions(OptionalInt.empty(), List.of(), false, "-", java.util.Optional.empty());
    }
}
