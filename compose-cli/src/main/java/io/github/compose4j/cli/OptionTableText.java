package io.github.compose4j.cli;

/**
 * The option table as text. This placeholder (no table: picocli parses every command line) is replaced at build
 * time by the class {@link OptionTableWriter} compiles.
 */
final class OptionTableText {
    private OptionTableText() {
    }

    static String text() {
        return "";
    }
}
