package io.github.compose4j.cli;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The options of the root and of the commands simple enough for {@link FastCommandLine}, as picocli sees them
 * from the annotations, compiled at build time by {@link OptionTableWriter}. Reading this table costs a command
 * line far less than letting picocli inspect the annotations (its own start-up was a quarter of a no-op
 * {@code up}).
 *
 * <p>Format, one tab-separated record per line: {@code C name class parentField} starts a command ({@code -} as
 * the name for the root's global options), {@code O names field kind default} an option of it (names joined by
 * commas, {@code -} for no default), {@code P field} its list of positional parameters.
 */
final class OptionTable {
    static final String NONE = "-";
    /** The name under which the root's global options are listed. */
    static final String GLOBAL = "-";

    /** How an option's value is read and stored. */
    enum Kind {
        /** boolean or Boolean without a value: true when present. */
        FLAG,
        INT,
        INTEGER,
        STRING,
        /** List of String: every occurrence adds one value. */
        LIST
    }

    record Option(List<String> names, String field, Kind kind, Optional<String> defaultValue) {
    }

    record Command(String name, String className, Optional<String> parentField, Map<String, Option> options,
                   Optional<String> positional) {
    }

    private static final class Holder {
        static final Map<String, Command> TABLE = read();
    }

    private OptionTable() {
    }

    /** The command named {@code name} ({@link #GLOBAL} for the root's options), if the table has it. */
    static Optional<Command> command(String name) {
        return Optional.ofNullable(Holder.TABLE.get(name));
    }

    static Map<String, Command> parse(String text) {
        Map<String, Command> table = new LinkedHashMap<>();
        String name = null;
        String className = null;
        Optional<String> parent = Optional.empty();
        Map<String, Option> options = new LinkedHashMap<>();
        Optional<String> positional = Optional.empty();
        for (String line : (text + "\nC\t\t\t").split("\n")) {
            if (line.isEmpty()) {
                continue;
            }
            String[] f = line.split("\t", -1);
            switch (f[0]) {
                case "C" -> {
                    if (name != null) {
                        table.put(name, new Command(name, className, parent, Map.copyOf(options), positional));
                    }
                    name = f[1];
                    className = f[2];
                    parent = f[3].equals(NONE) ? Optional.empty() : Optional.of(f[3]);
                    options = new LinkedHashMap<>();
                    positional = Optional.empty();
                }
                case "O" -> {
                    Option o = new Option(List.of(f[1].split(",")), f[2], Kind.valueOf(f[3]),
                            f[4].equals(NONE) ? Optional.empty() : Optional.of(f[4]));
                    for (String n : o.names()) {
                        options.put(n, o);
                    }
                }
                case "P" -> positional = Optional.of(f[1]);
                default -> throw new IllegalStateException("bad option table line: " + line);
            }
        }
        return table;
    }

    static List<String> format(Command command) {
        List<String> lines = new ArrayList<>();
        lines.add(String.join("\t", "C", command.name(), command.className(), command.parentField().orElse(NONE)));
        command.options().values().stream().distinct().forEach(o -> lines.add(String.join("\t", "O",
                String.join(",", o.names()), o.field(), o.kind().name(), o.defaultValue().orElse(NONE))));
        command.positional().ifPresent(p -> lines.add("P\t" + p));
        return lines;
    }

    private static Map<String, Command> read() {
        return parse(OptionTableText.text());
    }
}
