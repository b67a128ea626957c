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
        Main.launch(new String[] {PluginMetadata.QUERY}, sink, sink, Map.of(), project);
        Main.launch(new String[] {"version"}, sink, sink, Map.of(), project);
        trainEngine(project.resolve("engine"), sink);
    }

    private static void trainEngine(Path dir, PrintStream sink) {
        CliContext ctx = new CliContext(dir, System.getenv(), () -> "", sink, sink);
        String name = "compose4j-cds-" + ProcessHandle.current().pid();
        if (Main.run(ctx, "-p", name, "--dry-run", "up", "-d") != 0) {
            return; // no daemon
        }
        try {
            // As the launcher runs them (main's own path), so that what main loads is in the archive too.
            OutputStream none = OutputStream.nullOutputStream();
            Main.launch(new String[] {"-p", name, "up", "-d"}, none, none, System.getenv(), dir);
            Main.launch(new String[] {"-p", name, "up", "-d"}, none, none, System.getenv(), dir);
            Main.launch(new String[] {"-p", name, "down"}, none, none, System.getenv(), dir);
        } finally {
            Main.run(ctx, "-p", name, "down", "-v", "-t", "0");
        }
    }
}
