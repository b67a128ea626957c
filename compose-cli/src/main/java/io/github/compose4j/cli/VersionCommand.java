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
        String version = Version.compatible();
        if (shortForm) {
            root.ctx.out().println(version);
        } else if (format.equalsIgnoreCase("json")) {
            root.ctx.out().println("{\"version\":\"" + version + "\"}");
        } else if (format.isEmpty() || format.equalsIgnoreCase("pretty")) {
            root.ctx.out().println("compose4j version " + Version.own() + " (Docker Compose " + Version.REFERENCE + " compatible)");
        } else {
            throw new ComposeException(Failure.GENERAL, "format value \"" + format + "\" could not be parsed: parsing failed");
        }
        return 0;
    }
}
