package io.github.compose4j.logs;

import io.github.compose4j.engine.ContainerOutput;
import io.github.compose4j.engine.EngineException;
import io.github.compose4j.engine.OutputChunk;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * A daemon thread that reads one container's output stream, cuts it into lines (stdout and stderr apart) and
 * queues them on the printer, one event per chunk read.
 */
final class OutputReader {
    private final Thread thread;
    private final ContainerOutput output;
    private volatile EngineException failure;

    /**
     * @param allToStdout report stderr lines as stdout ones ({@code logs} does, attached {@code up} does not)
     */
    OutputReader(String container, String id, ContainerOutput output, boolean allToStdout, LogPrinter printer,
                 Consumer<OutputReader> onEnd) {
        this.output = output;
        this.thread = new Thread(() -> {
            LineSplitter out = new LineSplitter();
            LineSplitter err = new LineSplitter();
            try (output) {
                Optional<OutputChunk> chunk;
                while ((chunk = output.next()).isPresent()) {
                    boolean stderr = chunk.get().stderr();
                    List<String> lines = (stderr ? err : out).feed(chunk.get().bytes());
                    if (!lines.isEmpty()) {
                        printer.handle(new StreamEvent.Lines(container, id, stderr && !allToStdout, lines));
                    }
                }
            } catch (EngineException e) {
                failure = e;
            } finally {
                List<String> lastOut = out.finish();
                if (!lastOut.isEmpty()) {
                    printer.handle(new StreamEvent.Lines(container, id, false, lastOut));
                }
                List<String> lastErr = err.finish();
                if (!lastErr.isEmpty()) {
                    printer.handle(new StreamEvent.Lines(container, id, !allToStdout, lastErr));
                }
                onEnd.accept(this);
            }
        }, "compose4j-output-" + container);
        thread.setDaemon(true);
    }

    OutputReader start() {
        thread.start();
        return this;
    }

    /** Waits for the stream to end, at most {@code millis}; true if it did. */
    boolean await(long millis) {
        try {
            thread.join(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return !thread.isAlive();
    }

    void close() {
        output.close();
    }

    Optional<EngineException> failure() {
        return Optional.ofNullable(failure);
    }
}
