package io.github.compose4j.logs;

import java.util.List;

/**
 * How attached {@code up} follows the project.
 *
 * @param attachTo     the services whose output is shown
 * @param services     the services named on the command line (empty for all): {@code up} returns once their
 *                     containers have ended, and stopping stops only them
 * @param cascadeStop  stop the project when the first container ends ({@code --abort-on-container-exit})
 * @param exitCodeFrom the service whose exit code {@code up} returns; empty for the first to end
 */
public record AttachOptions(List<String> attachTo, List<String> services, boolean cascadeStop, String exitCodeFrom) {
    public AttachOptions {
        attachTo = List.copyOf(attachTo);
        services = List.copyOf(services);
    }
}
