package io.github.compose4j.cli.render;

/**
 * The progress display's colors, as Compose paints them (blue done header and timers, green success,
 * bold yellow warnings, bold red errors, yellow spinners, cyan dry-run prefix). Each colored text is
 * followed by a reset, even an empty one, as Compose writes it. {@code NO_COLOR} turns all of them off.
 */
record Palette(boolean enabled) {
    static final Palette COLORS = new Palette(true);
    static final Palette NONE = new Palette(false);

    private static final String RESET = "\u001b[0m";
    private static final String BLUE = "\u001b[34m";
    private static final String YELLOW = "\u001b[33m";
    private static final String GREEN = "\u001b[32m";
    private static final String RED = "\u001b[31m";
    private static final String CYAN = "\u001b[36m";
    private static final String BOLD = "\u001b[1m";

    String done(String s) {
        return paint(BLUE, s);
    }

    String timer(String s) {
        return paint(BLUE, s);
    }

    String count(String s) {
        return paint(YELLOW, s);
    }

    String warning(String s) {
        return paint(YELLOW + BOLD, s);
    }

    String success(String s) {
        return paint(GREEN, s);
    }

    String error(String s) {
        return paint(RED + BOLD, s);
    }

    String prefix(String s) {
        return paint(CYAN, s);
    }

    private String paint(String codes, String s) {
        return enabled ? codes + s + RESET : s;
    }
}
