package io.github.compose4j.cli;

import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Map;

/**
 * Runs representative commands on a training project so that the build can record the classes they
 * load into a class-data-sharing archive; the launcher then starts from that archive. Not a command.
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
    }
}
