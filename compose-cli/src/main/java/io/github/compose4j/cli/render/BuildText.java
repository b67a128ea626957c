package io.github.compose4j.cli.render;

import io.github.compose4j.build.BuildOutput;

import java.io.PrintStream;
import java.math.BigDecimal;
import java.math.MathContext;
import java.util.HashMap;
import java.util.Map;

/**
 * A build's output as {@code DOCKER_BUILDKIT=0 docker compose build} prints it on stdout: the context upload's
 * size ("Sending build context to Docker daemon"), then the builder's own lines, each whole when builds run side
 * by side.
 */
public final class BuildText implements BuildOutput {
    private static final String[] UNITS = {"B", "kB", "MB", "GB", "TB", "PB", "EB", "ZB", "YB"};

    private final PrintStream out;
    /** Each service's text after its last line end: builds run side by side, and their lines must stay whole. */
    private final Map<String, StringBuilder> partial = new HashMap<>();

    public BuildText(PrintStream out) {
        this.out = out;
    }

    @Override
    public synchronized void text(String service, String text) {
        StringBuilder pending = partial.computeIfAbsent(service, s -> new StringBuilder());
        pending.append(text);
        int end = Math.max(pending.lastIndexOf("\n"), pending.lastIndexOf("\r")) + 1;
        if (end > 0) {
            out.append(pending, 0, end);
            out.flush();
            pending.delete(0, end);
        }
    }

    @Override
    public synchronized void finished(String service) {
        StringBuilder pending = partial.remove(service);
        if (pending != null && !pending.isEmpty()) {
            out.append(pending);
            out.flush();
        }
    }

    @Override
    public synchronized void uploaded(String service, long bytes, boolean done) {
        out.print("Sending build context to Docker daemon " + String.format("%8s", humanSize(bytes))
                + (done ? "\r\r\n" : "\r"));
        out.flush();
    }

    /** go-units' HumanSize: decimal units, four significant digits. */
    static String humanSize(long bytes) {
        double size = bytes;
        int unit = 0;
        while (size >= 1000 && unit < UNITS.length - 1) {
            size /= 1000;
            unit++;
        }
        BigDecimal rounded = new BigDecimal(size).round(new MathContext(4)).stripTrailingZeros();
        return rounded.toPlainString() + UNITS[unit];
    }
}
