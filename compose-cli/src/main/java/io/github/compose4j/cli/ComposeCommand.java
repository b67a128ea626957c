package io.github.compose4j.cli;

import io.github.compose4j.error.ComposeException;
import io.github.compose4j.error.Failure;
import io.github.compose4j.load.ProjectLoader;
import io.github.compose4j.load.tree.Warnings;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.concurrent.Callable;

/** The root {@code compose} command: global flags, then one subcommand. */
@Command(name = "compose", mixinStandardHelpOptions = false,
        description = "Define and run multi-container applications with Docker",
        subcommands = {ConfigCommand.class, VersionCommand.class, UpCommand.class, CreateCommand.class, DownCommand.class,
                LogsCommand.class})
public final class ComposeCommand implements Callable<Integer> {
    final CliContext ctx;

    @Mixin
    GlobalOptions global = new GlobalOptions();

    @Spec
    CommandSpec spec;

    ComposeCommand(CliContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public Integer call() {
        spec.commandLine().usage(ctx.out());
        return 0;
    }

    /** Checks the global flags that every command relies on. */
    void validateGlobals() {
        if (!java.util.List.of("auto", "never", "always").contains(global.ansi)) {
            throw new ComposeException(Failure.GENERAL, "unsupported --ansi value \"" + global.ansi + "\"");
        }
        switch (global.progress) {
            case "auto", "tty", "plain", "quiet", "none" -> {
            }
            default -> throw new ComposeException(Failure.GENERAL, "unsupported --progress value \"" + global.progress + "\"");
        }
        if (global.workdir != null && global.projectDirectory != null) {
            throw new ComposeException(Failure.GENERAL,
                    "cannot specify DEPRECATED \"--workdir\" and \"--project-directory\". Please use only \"--project-directory\" instead");
        }
    }

    ProjectLoader loader() {
        validateGlobals();
        return new ProjectLoader(global.request(ctx.cwd(), ctx.env(), ctx.stdin()), warnings());
    }

    /** Warnings printed the way Compose logs them: {@code WARN[0000]} on a terminal, logfmt otherwise. */
    Warnings warnings() {
        boolean tty = System.console() != null;
        return message -> {
            if (tty) {
                ctx.err().println("WARN[0000] " + message);
            } else {
                String time = OffsetDateTime.now().truncatedTo(ChronoUnit.SECONDS).format(DateTimeFormatter.ISO_OFFSET_DATE_TIME);
                ctx.err().println("time=\"" + time + "\" level=warning msg=" + quote(message));
            }
        };
    }

    private static String quote(String s) {
        StringBuilder sb = new StringBuilder("\"");
        for (char c : s.toCharArray()) {
            switch (c) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case '\n' -> sb.append("\\n");
                default -> sb.append(c);
            }
        }
        return sb.append('"').toString();
    }
}
