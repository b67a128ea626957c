package io.github.compose4j.oneoff;

import java.util.List;

/**
 * What {@code exec} was asked.
 *
 * @param index       the replica number ({@code --index}); 0 for the first running container, one-offs included
 * @param environment {@code KEY=value} entries, bare {@code KEY}s already resolved by the caller where it could
 */
public record ExecRequest(String service, List<String> command, List<String> environment, String user,
                          String workingDir, boolean privileged, boolean tty, boolean interactive, boolean detach,
                          int index) {
    public ExecRequest {
        command = List.copyOf(command);
        environment = List.copyOf(environment);
    }
}
