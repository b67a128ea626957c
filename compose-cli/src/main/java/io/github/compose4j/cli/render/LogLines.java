package io.github.compose4j.cli.render;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * How Docker Compose labels container output: each container, in the order it registers, takes the next colour of
 * a fixed rainbow; its prefix is its name padded to one more than the longest name registered so far, then
 * {@code " | "}, all in its colour. Pure: no I/O, not thread-safe (one printer thread uses it).
 */
public final class LogLines {
    /** Compose's rainbow: cyan, yellow, green, magenta, blue, then their bright forms. */
    static final List<String> RAINBOW = List.of("36", "33", "32", "35", "34", "36;1", "33;1", "32;1", "35;1", "34;1");
    private static final String ESC = "\033[";

    private final boolean color;
    private final boolean prefix;
    private final Map<String, Presenter> presenters = new HashMap<>();
    private final List<Presenter> order = new ArrayList<>();
    private int nextColor;
    private int width;

    private static final class Presenter {
        final String name;
        final String colorCode; // null: monochrome
        String prefix = "";

        Presenter(String name, String colorCode) {
            this.name = name;
            this.colorCode = colorCode;
        }

        String paint(String s) {
            return colorCode == null ? s : ESC + colorCode + "m" + s + ESC + "0m";
        }
    }

    /**
     * @param color  paint prefixes and status lines
     * @param prefix label lines with the container's name
     */
    public LogLines(boolean color, boolean prefix) {
        this.color = color;
        this.prefix = prefix;
    }

    /** Registers a container (again: a new colour, as Compose does). */
    public void register(String name) {
        Presenter p = new Presenter(name, color ? RAINBOW.get(nextColor++ % RAINBOW.size()) : null);
        Presenter old = presenters.put(name, p);
        if (old != null) {
            order.remove(old);
        }
        order.add(p);
        if (prefix) {
            width = 0;
            for (Presenter each : order) {
                width = Math.max(width, each.name.codePointCount(0, each.name.length()));
            }
            width++;
            for (Presenter each : order) {
                int pad = width - each.name.codePointCount(0, each.name.length());
                each.prefix = each.paint(each.name + " ".repeat(Math.max(0, pad)) + " | ");
            }
        }
    }

    private Presenter presenter(String name) {
        Presenter p = presenters.get(name);
        if (p == null) {
            register(name);
            p = presenters.get(name);
        }
        return p;
    }

    /** The text before a line of {@code name}'s output (registering it if needed). */
    public String prefix(String name) {
        return presenter(name).prefix;
    }

    /** A status line, newline included (Compose paints the newline too). */
    public String status(String name, String message) {
        return presenter(name).paint(name + " " + message + "\n");
    }
}
