package io.github.compose4j.cli;

import io.github.compose4j.error.ComposeException;
import io.github.compose4j.error.Failure;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

import java.util.concurrent.Callable;

/** {@code compose version}: Compose's output formats, with compose4j's own version. */
@Command(name = "version", description = "Show the Docker Compose version information")
public final class VersionCommand implements Callable<Integer> {
    @ParentCommand
    ComposeCommand root;

    @Option(names = {"-f", "--format"}, description = "Format the output. Values: [pretty | json]. (Default: pretty)")
    String format = "";

    @Option(names = "--short", description = "Shows only Compose's version number")
    boolean shortForm;

    @Override
    public Integer call() {
        String text = render(format, shortForm);
        if (text == null) {
            throw new ComposeException(Failure.GENERAL, "format value \"" + format + "\" could not be parsed: parsing failed");
        }
        root.ctx.out().println(text);
        return 0;
    }

    /** The version line for the given flags, or null for an unknown format. */
    static String render(String format, boolean shortForm) {
        String version = Version.compatible();
        if (shortForm) {
            return version;
        }
        if (format.equals("json")) { // exactly: Compose prints any other value the pretty way
            return "{\"version\":\"" + version + "\"}";
        }
        return "compose4j version " + Version.own() + " (Docker Compose " + Version.REFERENCE + " compatible)";
    }

    /**
     * Handles {@code version [--short] [--format F|-f F|--format=F]} without the command-line parser;
     * returns null when the arguments are anything else (they then go through the full parser).
     */
    static Integer fastPath(String[] args, java.io.PrintStream out) {
        if (args.length == 0 || !args[0].equals("version")) {
            return null;
        }
        String fmt = "";
        boolean shortFlag = false;
        for (int i = 1; i < args.length; i++) {
            String a = args[i];
            if (a.equals("--short")) {
                shortFlag = true;
            } else if ((a.equals("--format") || a.equals("-f")) && i + 1 < args.length) {
                fmt = args[++i];
            } else if (a.startsWith("--format=")) {
                fmt = a.substring("--format=".length());
            } else {
                return null;
            }
        }
        String text = render(fmt, shortFlag);
        if (text == null) {
            return null;
        }
        out.println(text);
        return 0;
    }
}
