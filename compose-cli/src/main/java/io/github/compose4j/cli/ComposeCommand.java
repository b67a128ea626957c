package io.github.compose4j.cli;

import io.github.compose4j.cli.render.DisplayMode;
import io.github.compose4j.cli.render.LogFormat;
import io.github.compose4j.cli.render.ProgressDisplay;
import io.github.compose4j.cli.render.PullText;
import io.github.compose4j.cli.render.TerminalSize;
import io.github.compose4j.cli.render.Ticker;
import io.github.compose4j.engine.Engine;
import io.github.compose4j.error.ComposeException;
import io.github.compose4j.error.Failure;
import io.github.compose4j.load.ProjectLoader;
import io.github.compose4j.load.schema.SchemaValidator;
import io.github.compose4j.load.tree.Warnings;
import io.github.compose4j.model.codec.RecordShape;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

import java.time.Instant;
import java.time.ZoneId;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/** The root {@code compose} command: global flags, then one subcommand. */
@Command(name = "compose", mixinStandardHelpOptions = false,
        description = "Define and run multi-container applications with Docker",
        subcommands = {ConfigCommand.class, VersionCommand.class, UpCommand.class, CreateCommand.class, DownCommand.class,
                PsCommand.class, LsCommand.class, TopCommand.class, PortCommand.class, ImagesCommand.class,
                EventsCommand.class, StatsCommand.class,
                StartCommand.class, StopCommand.class, RestartCommand.class, KillCommand.class, PauseCommand.class,
                UnpauseCommand.class, RmCommand.class, ScaleCommand.class, WaitCommand.class,
                RunCommand.class, ExecCommand.class, CpCommand.class,
                LogsCommand.class,
                PullCommand.class, PushCommand.class, StackCommand.class, BuildCommand.class, AttachCommand.class,
                WatchCommand.class})
public final class ComposeCommand implements Callable<Integer> {
    final CliContext ctx;

    @Mixin
    GlobalOptions global = new GlobalOptions();

    @Spec
    CommandSpec spec;

    private DisplayMode display;

    private static final java.util.concurrent.atomic.AtomicBoolean WARMING = new java.util.concurrent.atomic.AtomicBoolean();

    /** The engine connection started before the command line was parsed, not yet taken by the command. */
    private CompletableFuture<Engine> early;

    ComposeCommand(CliContext ctx) {
        this.ctx = ctx;
    }

    /**
     * Starts connecting to the engine on another thread, for a command that will talk to it: the ping and API
     * negotiation then overlap with parsing the command line and loading the project. Errors wait for
     * {@link #engine()}, so they come in the order Compose reports them.
     */
    void connectEarly() {
        early = CompletableFuture.supplyAsync(() -> Main.connect(ctx), task -> {
            Thread t = new Thread(task, "engine-connect");
            t.setDaemon(true);
            t.start();
        });
    }

    /** The engine the environment names; the caller closes it. */
    Engine engine() {
        Parallelism.of(this);
        CompletableFuture<Engine> pending = early;
        early = null;
        if (pending == null) {
            return Main.connect(ctx);
        }
        try {
            return pending.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException re) {
                throw re;
            }
            throw e;
        }
    }

    /** Closes an early connection the command did not use (help, a syntax error, a command that failed first). */
    void releaseEarlyEngine() {
        CompletableFuture<Engine> pending = early;
        early = null;
        if (pending != null) {
            pending.thenAccept(Engine::close);
        }
    }

    @Override
    public Integer call() {
        ctx.out().print(HelpText.of(spec.commandLine(), Main.helpWidth(ctx)));
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

    /**
     * The progress display of an operation, titled as Compose titles it ({@code "Running"} for up and
     * down, {@code "Creating"}, {@code "Stopping"}, {@code "Restarting"}...); close it when the operation
     * ends (try-with-resources), then report errors. Pass it to {@code new Compose(engine, display, ...)}.
     */
    ProgressDisplay progress(String title) {
        return open(title, new ProgressDisplay.Pulls(false, pullBarWidth(), false));
    }

    /**
     * The progress display of an operation that pulls missing images first ({@code up}, {@code create}):
     * the pulls are a display of their own; {@code quietPull} leaves out their layers ({@code --quiet-pull}).
     */
    ProgressDisplay progressPullingFirst(String title, boolean quietPull) {
        return open(title, new ProgressDisplay.Pulls(quietPull, pullBarWidth(), true));
    }

    private ProgressDisplay open(String title, ProgressDisplay.Pulls pulls) {
        DisplayMode mode = display();
        // Only the terminal display lays out for the terminal's size (which may take a look at the terminal).
        TerminalSize size = mode.mode() == ProgressDisplay.Mode.TTY ? ctx.terminal().size().get() : TerminalSize.NONE;
        return ProgressDisplay.open(mode, title, ctx.err(), size, Ticker.system(ComposeCommand::processStart), global.dryRun, pulls);
    }

    /** The engine's pull progress bars are sized for stdin's terminal, and are wide when it is none. */
    private int pullBarWidth() {
        return ctx.terminal().stdin() ? ctx.terminal().size().get().width() : PullText.NO_TERMINAL_WIDTH;
    }

    ProjectLoader loader() {
        Parallelism.of(this); // as Compose, a bad COMPOSE_PARALLEL_LIMIT fails every command that loads the project
        warmUpLoading();
        ProjectLoader loader = new ProjectLoader(global.request(ctx.cwd(), ctx.env(), ctx.stdin()), warnings());
        if (display == null) {
            display = validateGlobals(loader.environment());
        }
        return loader;
    }

    /**
     * Compiles the compose schema and the model's shapes on another thread while this one reads the files: both
     * are needed after parsing, and a short command would otherwise wait for each in turn.
     */
    private static void warmUpLoading() {
        if (!WARMING.compareAndSet(false, true)) {
            return;
        }
        Thread t = new Thread(() -> {
            SchemaValidator.get();
            RecordShape.prepareModel();
        }, "load-warm-up");
        t.setDaemon(true);
        t.start();
    }

    /**
     * How progress is shown. Checks the global flags with the process environment if {@link #loader()}
     * did not check them with the project's (commands that may run without a compose file).
     */
    DisplayMode display() {
        if (display == null) {
            display = validateGlobals(ctx.env());
        }
        return display;
    }

    /** Warnings printed the way Compose logs them: {@code WARN[0000]} on a terminal, logfmt otherwise. */
    Warnings warnings() {
        // The format is made at the first warning: the time zone and the process's start time cost a command that
        // prints none about 20 ms.
        java.util.concurrent.atomic.AtomicReference<LogFormat> log = new java.util.concurrent.atomic.AtomicReference<>();
        return message -> {
            LogFormat format = log.updateAndGet(f -> f != null ? f
                    : new LogFormat(ctx.stderrTerminal(), processStart(), ZoneId.systemDefault()));
            ctx.err().print(format.warning(message, Instant.now()));
            ctx.err().flush();
        };
    }

    private static Instant processStart() {
        return ProcessHandle.current().info().startInstant().orElseGet(Instant::now);
    }
}
