package io.github.compose4j.load.source;

/** A compose file to load: its absolute name (or {@code -} for standard input) and its text. */
public record ConfigFile(String name, String content) {
    public boolean isStdin() {
        return name.equals("-");
    }
}
