package io.github.compose4j.cli;

import io.github.compose4j.load.ProjectRequest;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/** Compose's global flags; they go before the command, as with Docker Compose. */
public final class GlobalOptions {
    @Option(names = {"-f", "--file"}, paramLabel = "FILE", description = "Compose configuration files")
    List<String> files = new ArrayList<>();

    @Option(names = {"-p", "--project-name"}, paramLabel = "NAME", description = "Project name")
    String projectName;

    @Option(names = "--profile", paramLabel = "PROFILE", description = "Specify a profile to enable")
    List<String> profiles = new ArrayList<>();

    @Option(names = "--env-file", paramLabel = "FILE", description = "Specify an alternate environment file")
    List<String> envFiles = new ArrayList<>();

    @Option(names = "--project-directory", paramLabel = "DIR",
            description = "Specify an alternate working directory (default: the path of the, first specified, Compose file)")
    String projectDirectory;

    @Option(names = "--workdir", hidden = true)
    String workdir;

    @Option(names = "--compatibility", description = "Run compose in backward compatibility mode")
    boolean compatibility;

    @Option(names = "--ansi", paramLabel = "WHEN", description = "Control when to print ANSI control characters (\"never\"|\"always\"|\"auto\")")
    String ansi = "auto";

    @Option(names = "--no-ansi", hidden = true)
    boolean noAnsi;

    @Option(names = "--progress", paramLabel = "TYPE", description = "Set type of progress output (auto, tty, plain, quiet)")
    String progress = "auto";

    @Option(names = "--parallel", paramLabel = "N", description = "Control max parallelism, -1 for unlimited")
    int parallel = -1;

    @Option(names = "--dry-run", description = "Execute command in dry run mode")
    boolean dryRun;

    @Option(names = "--verbose", hidden = true)
    boolean verbose;

    @Option(names = "--debug", hidden = true, description = "Show stack traces of internal errors")
    boolean debug;

    /** The load request these flags describe, in the given process context. */
    ProjectRequest request(Path cwd, Map<String, String> env, Supplier<String> stdin) {
        String dir = projectDirectory != null ? projectDirectory : workdir;
        return new ProjectRequest(files, Optional.ofNullable(projectName), Optional.ofNullable(dir), envFiles,
                profiles, cwd, env, Optional.ofNullable(env.get("HOME")).filter(h -> !h.isEmpty()), stdin);
    }
}
