package io.github.compose4j.model.codec;

/**
 * The key index as text. This placeholder (no index: keys are read from the annotations) is replaced at build time
 * by the class {@link KeyIndexWriter} compiles.
 */
final class KeyIndexText {
    private KeyIndexText() {
    }

    static String text() {
        return "";
    }
}
