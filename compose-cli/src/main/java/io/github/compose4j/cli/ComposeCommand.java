package io.github.compose4j.cli;

import io.github.compose4j.cli.render.DisplayMode;
import io.github.compose4j.cli.render.LogFormat;
import io.github.compose4j.cli.render.ProgressDisplay;
import io.github.compose4j.cli.render.TerminalSize;
import io.github.compose4j.cli.render.Ticker;
import io.github.compose4j.error.ComposeException;
import io.github.compose4j.error.Failure;
import io.github.compose4j.load.ProjectLoader;
import io.github.compose4j.load.tree.Warnings;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

import java.time.Instant;
import java.time.ZoneId;
import java.util.Map;
import java.util.concurrent.Callable;

/** The root {@code compose} command: global flags, then one subcommand. */
@Command(name = "compose", mixinStandardHelpOptions = false,
        description = "Define and run multi-container applications with Docker",
        subcommands = {ConfigCommand.class, VersionCommand.class, UpCommand.class, CreateCommand.class, DownCommand.class})
public final class ComposeCommand implements Callable<Integer> {
    final CliContext ctx;

    @Mixin
    GlobalOptions global = new GlobalOptions();

    @Spec
    CommandSpec spec;

    private DisplayMode display;

    ComposeCommand(CliContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public Integer call() {
        spec.commandLine().usage(ctx.out());
        return 0;
    }

    /**
     * Checks the global flags that every command relies on, as Compose does before any command runs,
     * and chooses how progress is shown. {@code env} is the environment commands see (the project's
     * {@code .env} can set {@code COMPOSE_ANSI} and {@code NO_COLOR}).
     */
    DisplayMode validateGlobals(Map<String, String> env) {
        DisplayMode mode = DisplayMode.select(global.ansi, global.noAnsi, global.progress, env, ctx.stderrTerminal());
        if (!mode.notice().isEmpty()) {
            ctx.err().print(mode.notice());
            ctx.err().flush();
        }
        if (global.workdir != null && global.projectDirectory != null) {
            throw new ComposeException(Failure.GENERAL,
                    "cannot specify DEPRECATED \"--workdir\" and \"--project-directory\". Please use only \"--project-directory\" instead");
        }
        return mode;
    }

    /** The progress display of an operation ({@code "Running"}, {@code "Stopping"}...), to close when it ends. */
    ProgressDisplay progress(String title) {
        return ProgressDisplay.open(display(), title, ctx.err(), TerminalSize.from(ctx.env()), Ticker.system(processStart()),
                global.dryRun);
    }

    ProjectLoader loader() {
        ProjectLoader loader = new ProjectLoader(global.request(ctx.cwd(), ctx.env(), ctx.stdin()), warnings());
        display = validateGlobals(loader.environment());
        return loader;
    }

    /** How progress is shown, once {@link #loader()} checked the global flags. */
    DisplayMode display() {
        if (display == null) {
            throw new IllegalStateException("global flags not checked yet");
        }
        return display;
    }

    /** Warnings printed the way Compose logs them: {@code WARN[0000]} on a terminal, logfmt otherwise. */
    Warnings warnings() {
        LogFormat log = new LogFormat(ctx.stderrTerminal(), processStart(), ZoneId.systemDefault());
        return message -> {
            ctx.err().print(log.warning(message, Instant.now()));
            ctx.err().flush();
        };
    }

    private static Instant processStart() {
        return ProcessHandle.current().info().startInstant().orElseGet(Instant::now);
    }
}
