package io.github.compose4j.engine;

import java.util.List;

/**
 * A process to run in a running container ({@code exec}).
 *
 * @param command     the command and its arguments
 * @param environment {@code KEY=value} entries (a bare {@code KEY} as the docker CLI sends it)
 * @param user        the user to run as; empty for the container's
 * @param workingDir  the directory to run in; empty for the container's
 * @param privileged  with extended privileges
 * @param tty         with a pseudo-terminal
 * @param attachStdin whether the caller's standard input is streamed to the process
 * @param attachOutput whether standard output and error come back (false when detached)
 */
public record ExecSpec(List<String> command, List<String> environment, String user, String workingDir,
                       boolean privileged, boolean tty, boolean attachStdin, boolean attachOutput) {
    public ExecSpec {
        command = List.copyOf(command);
        environment = List.copyOf(environment);
    }
}
