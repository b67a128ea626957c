package io.github.compose4j.oneoff;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What {@code run} was asked, flag for flag as Compose's run options.
 *
 * @param service      the service to run a one-off of
 * @param command      the command to run instead of the service's; empty for the service's
 * @param entrypoint   the entrypoint to use instead of the service's ({@code --entrypoint}, split like a shell)
 * @param environment  {@code KEY=value} or {@code KEY} entries ({@code -e}); a bare key takes the project
 *                     environment's value and is dropped when it has none
 * @param labels       labels to add or override ({@code -l})
 * @param volumes      extra volumes in short syntax ({@code -v})
 * @param publish      ports to publish instead of the service's ({@code -p})
 * @param name         the container name ({@code --name}); empty for {@code <project>-<service>-run-<id>}
 */
public record RunRequest(String service, List<String> command, Optional<List<String>> entrypoint,
                         List<String> environment, Map<String, String> labels, List<String> volumes,
                         List<String> publish, String name, String user, String workingDir, List<String> capAdd,
                         List<String> capDrop, boolean detach, boolean autoRemove, boolean tty, boolean interactive,
                         boolean servicePorts, boolean useAliases, boolean noDeps, boolean ignoreOrphans) {
    public RunRequest {
        command = List.copyOf(command);
        entrypoint = entrypoint.map(List::copyOf);
        environment = List.copyOf(environment);
        labels = Map.copyOf(labels);
        volumes = List.copyOf(volumes);
        publish = List.copyOf(publish);
        capAdd = List.copyOf(capAdd);
        capDrop = List.copyOf(capDrop);
    }
}
