package io.github.compose4j.cli.render;

import io.github.compose4j.event.ProgressEvent;
import io.github.compose4j.event.ProgressListener;

import java.io.PrintStream;
import java.util.function.Consumer;

/** Progress as Compose's plain mode prints it: one line per event, {@code " <id> <text> <status>"}. */
public final class PlainProgress implements ProgressListener {
    private final PrintStream out;
    private final Consumer<String> warnings;

    public PlainProgress(PrintStream out, Consumer<String> warnings) {
        this.out = out;
        this.warnings = warnings;
    }

    @Override
    public synchronized void event(ProgressEvent e) {
        // Go's Println puts a space between operands, the empty prefix included.
        out.println(" " + e.id() + " " + e.text() + " " + e.statusText());
    }

    @Override
    public synchronized void warning(String message) {
        warnings.accept(message);
    }
}
