package io.github.compose4j.logs;

import java.util.ArrayList;
import java.util.List;

/** Everything a consumer is told, as lines: {@code register a}, {@code out a: x}, {@code err a: x}, {@code status a: m}. */
final class RecordingConsumer implements LogConsumer {
    final List<String> seen = new ArrayList<>();
    Runnable onAttaching = () -> { };

    @Override
    public synchronized void register(String container) {
        seen.add("register " + container);
    }

    @Override
    public synchronized void log(String container, boolean stderr, List<String> lines) {
        lines.forEach(l -> seen.add((stderr ? "err " : "out ") + container + ": " + l));
    }

    @Override
    public synchronized void status(String container, String message) {
        seen.add("status " + container + ": " + message);
    }

    @Override
    public synchronized void attaching(List<String> containers) {
        seen.add("attaching " + String.join(", ", containers));
        onAttaching.run();
    }

    @Override
    public synchronized void aborting() {
        seen.add("aborting");
    }

    synchronized List<String> seen() {
        return List.copyOf(seen);
    }
}
