package io.github.compose4j.cli;

/** Whether output may carry colours: Compose's {@code --ansi} rule (auto: only on a terminal). */
final class Ansi {
    private Ansi() {
    }

    static boolean colors(ComposeCommand root) {
        if (root.global.noAnsi) {
            return false;
        }
        return switch (root.global.ansi) {
            case "always" -> true;
            case "never" -> false;
            default -> System.console() != null;
        };
    }
}
