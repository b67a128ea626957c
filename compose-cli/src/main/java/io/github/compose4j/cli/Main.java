package io.github.compose4j.cli;

import io.github.compose4j.cli.render.Terminals;
import io.github.compose4j.error.ComposeException;
import io.github.compose4j.error.Failure;
import picocli.CommandLine;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;

/** Entry point of the {@code compose} command. */
public final class Main {
    private Main() {
    }

    public static void main(String[] commandLine) {
        System.exit(launch(commandLine, new java.io.FileOutputStream(java.io.FileDescriptor.out),
                new java.io.FileOutputStream(java.io.FileDescriptor.err), System.getenv(), Path.of("").toAbsolutePath()));
    }

    /**
     * What {@link #main} does short of exiting: the plugin protocol, the fast {@code version}, then the command
     * line, writing to the given streams; the exit code. (The build's class-data-sharing training runs this.)
     */
    static int launch(String[] commandLine, java.io.OutputStream stdout, java.io.OutputStream stderr,
                      java.util.Map<String, String> env, Path cwd) {
        PrintStream out = new PrintStream(stdout, false, StandardCharsets.UTF_8);
        try {
            if (commandLine.length == 1 && commandLine[0].equals(PluginMetadata.QUERY)) {
                out.println(PluginMetadata.json());
                return 0;
            }
            String[] args = PluginMetadata.arguments(commandLine);
            // `version` is called by tools before anything else: answer it without building the command tree.
            Integer fast = VersionCommand.fastPath(args, out);
            if (fast != null) {
                return fast;
            }
            PrintStream err = new PrintStream(stderr, true, StandardCharsets.UTF_8);
            CliContext ctx = new CliContext(cwd, env, Main::readStdin, out, err, Terminals.current(env));
            int code = run(ctx, args);
            err.flush();
            return code;
        } finally {
            out.flush();
        }
    }

    /** Runs one command line and returns its exit code; never throws. */
    public static int run(CliContext ctx, String... args) {
        ComposeCommand root = new ComposeCommand(ctx);
        if (CommandLines.talksToEngine(args)) {
            root.connectEarly();
        }
        try {
            return execute(ctx, root, args);
        } finally {
            root.releaseEarlyEngine();
        }
    }

    private static int execute(CliContext ctx, ComposeCommand root, String[] args) {
        java.util.Optional<java.util.concurrent.Callable<?>> fast = FastCommandLine.parse(root, args);
        if (fast.isPresent()) {
            try {
                return fast.get().call() instanceof Integer code ? code : 0;
            } catch (Exception e) {
                return failed(ctx, root, e);
            }
        }
        CommandLine cl = CommandLines.of(root, args);
        cl.setOut(new java.io.PrintWriter(ctx.out(), true));
        cl.setErr(new java.io.PrintWriter(ctx.err(), true));
        cl.setUnmatchedOptionsArePositionalParams(false);
        cl.getSubcommands().values().forEach(sub -> sub.setStopAtPositional(sub.getCommand() instanceof StopsAtPositional));
        cl.setParameterExceptionHandler((ex, a) -> {
            ctx.err().println(FlagErrors.message(ex, args));
            return FlagErrors.exitCode(ex);
        });
        cl.setExecutionExceptionHandler((ex, commandLine, parseResult) -> failed(ctx, root, ex));
        addHelpOptions(cl);
        cl.setExecutionStrategy(parsed -> {
            List<CommandLine> chain = parsed.asCommandLineList();
            if (chain.stream().anyMatch(CommandLine::isUsageHelpRequested)) {
                if (chain.stream().anyMatch(c -> c.getParseResult().hasMatchedOption("-h"))) {
                    ctx.out().println("Flag shorthand -h has been deprecated, please use --help");
                }
                // As the docker CLI: the help of the last command named, wherever --help stands.
                ctx.out().print(HelpText.of(chain.get(chain.size() - 1), helpWidth(ctx)));
                ctx.out().flush();
                return 0;
            }
            return new CommandLine.RunLast().execute(parsed);
        });
        return cl.execute(args);
    }

    /** {@code --help} (and the docker CLI's deprecated {@code -h}) on every command. */
    private static void addHelpOptions(CommandLine cl) {
        for (String name : new String[] {"--help", "-h"}) {
            cl.getCommandSpec().addOption(CommandLine.Model.OptionSpec.builder(name).usageHelp(true).hidden(true)
                    .description("Print usage").build());
        }
        cl.getSubcommands().forEach((name, sub) -> {
            if (name.equals(sub.getCommandName())) {
                addHelpOptions(sub);
            }
        });
    }

    /** The docker CLI wraps help for stdin's terminal, else for 80 columns. */
    static int helpWidth(CliContext ctx) {
        return ctx.terminal().stdin() ? ctx.terminal().size().get().width() : HelpText.DEFAULT_WIDTH;
    }

    /** The exit code of a command that threw, its error reported as Compose reports it. */
    private static int failed(CliContext ctx, ComposeCommand root, Exception ex) {
        if (ex instanceof ComposeException ce) {
            ctx.err().println(ce.getMessage());
            if (root.global.debug && ce.getCause() != null) {
                ce.printStackTrace(ctx.err());
            }
            return ce.exitCode();
        }
        if (ex instanceof UncheckedIOException io && !root.global.debug) {
            // The daemon went away in the middle of a call.
            ctx.err().println("error during connect: " + io.getMessage());
            return Failure.GENERAL.exitCode();
        }
        if (ex instanceof io.github.compose4j.engine.EngineException ee) {
            // The daemon's refusal (a port already allocated, a missing object...): its words, as Compose prints them.
            ctx.err().println(ee.getMessage());
            if (root.global.debug) {
                ee.printStackTrace(ctx.err());
            }
            return Failure.GENERAL.exitCode();
        }
        if (root.global.debug) {
            ex.printStackTrace(ctx.err());
        } else {
            ctx.err().println("internal error: " + ex);
        }
        return Failure.GENERAL.exitCode();
    }

    /** The engine the environment names ({@code DOCKER_HOST}, contexts), found as the docker CLI finds it. */
    static io.github.compose4j.engine.Engine connect(CliContext ctx) {
        String home = ctx.env().getOrDefault("HOME", "");
        io.github.compose4j.engine.docker.DockerEndpoint endpoint = io.github.compose4j.engine.docker.DockerEndpoint
                .resolve(ctx.env(), Path.of(home.isEmpty() ? "/" : home));
        endpoint.warnings().forEach(w -> ctx.err().println("WARNING: " + w));
        return HaltAfter.wrap(io.github.compose4j.engine.docker.DockerEngine.connect(endpoint, responseTimeout(ctx.env())),
                ctx.env().get(HaltAfter.VARIABLE));
    }

    /**
     * How long a short engine call (ping, inspect, list) waits for an answer: {@code COMPOSE_HTTP_TIMEOUT} seconds
     * (the variable Compose v1 read), 60 by default, so that a daemon that accepts but never answers is reported
     * instead of hanging. Streams (logs, events, attach, wait, pull) have no limit.
     */
    static java.time.Duration responseTimeout(java.util.Map<String, String> env) {
        String value = env.getOrDefault("COMPOSE_HTTP_TIMEOUT", "");
        try {
            return java.time.Duration.ofSeconds(value.isEmpty() ? 60 : Math.max(0, Long.parseLong(value.strip())));
        } catch (NumberFormatException e) {
            throw new ComposeException(Failure.GENERAL, "COMPOSE_HTTP_TIMEOUT must be a number of seconds, not \"" + value + "\"");
        }
    }

    /** The lock that serialises changes to {@code project} on the daemon the environment names. */
    static ProjectLock lock(CliContext ctx, String project) {
        String home = ctx.env().getOrDefault("HOME", "");
        String endpoint = io.github.compose4j.engine.docker.DockerEndpoint
                .resolve(ctx.env(), Path.of(home.isEmpty() ? "/" : home)).host().toString();
        return ProjectLock.acquire(ctx.env(), project, endpoint);
    }

    private static String readStdin() {
        try {
            return new String(System.in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
