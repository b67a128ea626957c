package io.github.compose4j.cli.render;

import io.github.compose4j.build.BuildOutput;

import java.io.PrintStream;
import java.math.BigDecimal;
import java.math.MathContext;

/**
 * A build's output as {@code DOCKER_BUILDKIT=0 docker compose build} prints it on stdout: the context upload's
 * size ("Sending build context to Docker daemon"), then the builder's own lines.
 */
public final class BuildText implements BuildOutput {
    private static final String[] UNITS = {"B", "kB", "MB", "GB", "TB", "PB", "EB", "ZB", "YB"};

    private final PrintStream out;

    public BuildText(PrintStream out) {
        this.out = out;
    }

    @Override
    public synchronized void text(String service, String text) {
        out.print(text);
        out.flush();
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
