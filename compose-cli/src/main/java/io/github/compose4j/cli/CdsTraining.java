package io.github.compose4j.cli;

import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Map;

/**
 * Runs representative commands on a training project so that the build can record the classes they
 * load into a class-data-sharing archive; the launcher then starts from that archive. Not a command.
 * The engine commands run against the daemon the environment names, on a project of their own that
 * is removed afterwards; without a daemon only their connection failure is trained.
 */
public final class CdsTraining {
    private CdsTraining() {
    }

    public static void main(String[] args) {
        Path project = Path.of(args[0]).toAbsolutePath();
        PrintStream sink = new PrintStream(OutputStream.nullOutputStream());
        CliContext ctx = new CliContext(project, Map.of("HOME", "/nonexistent", "PATH", "/usr/bin"), () -> "", sink, sink);
        String[][] runs = {
            {"version"},
            {"config"},
            {"config", "--format", "json"},
            {"--profile", "all", "config", "-q"},
            {"config", "--services"},
            {"config", "--hash", "*"},
            {"config", "--variables"},
            {"config", "--no-interpolate", "--format", "json"},
            {"-f", "nonexistent.yaml", "config"},
        };
        for (String[] run : runs) {
            Main.run(ctx, run);
        }
        trainEngine(project.resolve("engine"), sink);
    }

    private static void trainEngine(Path dir, PrintStream sink) {
        CliContext ctx = new CliContext(dir, System.getenv(), () -> "", sink, sink);
        String name = "compose4j-cds-" + ProcessHandle.current().pid();
        if (Main.run(ctx, "-p", name, "--dry-run", "up", "-d") != 0) {
            return; // no daemon
        }
        try {
            Main.run(ctx, "-p", name, "up", "-d");
            Main.run(ctx, "-p", name, "up", "-d");
            Main.run(ctx, "-p", name, "down");
        } finally {
            Main.run(ctx, "-p", name, "down", "-v", "-t", "0");
        }
    }
}
