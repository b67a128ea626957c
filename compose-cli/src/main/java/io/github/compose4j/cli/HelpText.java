package io.github.compose4j.cli;

import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * A command's {@code --help}, laid out as the docker CLI lays out Compose's: the usage line, the description, the
 * aliases, the options (sorted by name, with their value's type and default, the descriptions wrapped to the
 * width), then the subcommands.
 */
final class HelpText {
    /** The docker CLI's width when stdin is no terminal. */
    static final int DEFAULT_WIDTH = 80;
    private static final int MIN_NAME_PADDING = 11;

    private HelpText() {
    }

    /** The help of {@code command}, for a terminal {@code width} columns wide. */
    static String of(CommandLine command, int width) {
        CommandSpec spec = command.getCommandSpec();
        StringBuilder out = new StringBuilder("\nUsage:  ");
        boolean hasSubcommands = !visibleSubcommands(command).isEmpty();
        String path = path(spec);
        List<OptionSpec> options = options(spec);
        if (hasSubcommands) {
            out.append(path).append(options.isEmpty() ? "" : " [OPTIONS]").append(" COMMAND");
        } else {
            String[] synopsis = spec.usageMessage().customSynopsis();
            boolean ownOptions = options.stream().anyMatch(o -> spec.options().contains(o));
            out.append(synopsis.length > 0 ? String.join("\n\t", synopsis)
                    : path + (ownOptions ? " [OPTIONS]" : "") + positionals(spec));
        }
        out.append("\n\n").append(String.join(" ", spec.usageMessage().description()).strip()).append('\n');
        if (spec.aliases().length > 0) {
            List<String> names = new ArrayList<>();
            names.add(path);
            for (String alias : spec.aliases()) {
                names.add(prefix(spec) + alias);
            }
            out.append("\nAliases:\n  ").append(String.join(", ", names)).append('\n');
        }
        if (!options.isEmpty()) {
            out.append("\nOptions:\n").append(flagUsages(options, width - 1));
        }
        if (hasSubcommands) {
            Map<String, CommandLine> subs = visibleSubcommands(command);
            int padding = Math.max(MIN_NAME_PADDING, subs.keySet().stream().mapToInt(String::length).max().orElse(0));
            out.append("\nCommands:\n");
            subs.forEach((name, sub) -> out.append("  ").append(pad(name, padding)).append(' ')
                    .append(String.join(" ", sub.getCommandSpec().usageMessage().description()).stripTrailing())
                    .append('\n'));
            out.append("\nRun '").append(path).append(" COMMAND --help' for more information on a command.\n");
        }
        return out.toString();
    }

    /** {@code docker compose up}: how the docker CLI names the command. */
    private static String path(CommandSpec spec) {
        return spec.parent() == null ? "docker compose" : prefix(spec) + spec.name();
    }

    private static String prefix(CommandSpec spec) {
        return spec.parent() == null ? "docker " : path(spec.parent()) + " ";
    }

    private static Map<String, CommandLine> visibleSubcommands(CommandLine command) {
        Map<String, CommandLine> out = new java.util.TreeMap<>();
        command.getSubcommands().forEach((name, sub) -> {
            if (name.equals(sub.getCommandName()) && !sub.getCommandSpec().usageMessage().hidden()) {
                out.put(name, sub);
            }
        });
        return out;
    }

    /** The options shown: the command's own and, below the root, the global {@code --dry-run}. */
    private static List<OptionSpec> options(CommandSpec spec) {
        List<OptionSpec> out = new ArrayList<>();
        for (OptionSpec o : spec.options()) {
            if (!o.hidden() && !o.usageHelp() && !o.versionHelp()) {
                out.add(o);
            }
        }
        if (spec.parent() != null) {
            CommandSpec root = spec.root();
            OptionSpec dryRun = root.findOption("--dry-run");
            if (dryRun != null && spec.findOption("--dry-run") == null) {
                out.add(dryRun);
            }
        }
        out.sort(Comparator.comparing(HelpText::longName));
        return out;
    }

    private static String positionals(CommandSpec spec) {
        StringBuilder out = new StringBuilder();
        for (PositionalParamSpec p : spec.positionalParameters()) {
            if (p.hidden()) {
                continue;
            }
            String label = p.paramLabel().replaceAll("^<|>$", "");
            String many = p.isMultiValue() ? "..." : "";
            out.append(' ').append(p.arity().min() == 0 ? "[" + label + many + "]" : label + many);
        }
        return out.toString();
    }

    private static String longName(OptionSpec o) {
        return FlagErrors.longName(o).replaceFirst("^-+", "");
    }

    /** The options' lines as pflag prints them, descriptions wrapped within {@code columns}. */
    static String flagUsages(Collection<OptionSpec> options, int columns) {
        List<String[]> rows = new ArrayList<>();
        int widest = 0;
        for (OptionSpec o : options) {
            String shortName = FlagErrors.shortName(o);
            String head = (shortName != null ? "  " + shortName + ", " : "      ") + FlagErrors.longName(o);
            String usage = String.join(" ", o.description());
            String type = typeName(o);
            // As pflag: a `quoted` word of the description names the value, and loses its quotes.
            int open = usage.indexOf('`');
            int close = open < 0 ? -1 : usage.indexOf('`', open + 1);
            if (close > 0) {
                type = usage.substring(open + 1, close);
                usage = usage.substring(0, open) + type + usage.substring(close + 1);
            }
            if (!type.isEmpty()) {
                head += " " + type;
            }
            widest = Math.max(widest, head.length());
            rows.add(new String[] {head, usage + defaultText(o)});
        }
        int indent = widest + 3;
        StringBuilder out = new StringBuilder();
        for (String[] row : rows) {
            out.append(pad(row[0], indent)).append(wrap(indent, columns, row[1])).append('\n');
        }
        return out.toString();
    }

    /**
     * pflag's name for the type of an option's value; empty for a flag. A lower-case label names it where the Java
     * type does not tell ({@code bytes}, {@code list}).
     */
    private static String typeName(OptionSpec o) {
        if (o.paramLabel().matches("[a-z]+")) {
            return o.paramLabel();
        }
        Class<?> type = o.type();
        if (type == boolean.class || type == Boolean.class) {
            return "";
        }
        if (type == int.class || type == Integer.class || type == long.class || type == Long.class) {
            return "int";
        }
        if (type == double.class || type == Double.class || type == float.class || type == Float.class) {
            return "float";
        }
        if (type == Duration.class) {
            return "duration";
        }
        if (o.isMultiValue()) {
            return "stringArray";
        }
        return "string";
    }

    /** pflag's " (default x)", shown when the default is not the type's zero value. */
    private static String defaultText(OptionSpec o) {
        Object value = o.initialValue();
        if (value == null || value.equals(Boolean.FALSE) || (value instanceof Number n && n.doubleValue() == 0)
                || value.equals("") || (value instanceof Collection<?> c && c.isEmpty())
                || (value instanceof Map<?, ?> m && m.isEmpty())) {
            return "";
        }
        if (value instanceof String s) {
            return " (default \"" + s + "\")";
        }
        if (value instanceof Collection<?> c) {
            return " (default [" + String.join(",", c.stream().map(String::valueOf).toList()) + "])";
        }
        return " (default " + value + ")";
    }

    /**
     * {@code text} wrapped within {@code columns}, the first line after an {@code indent} the caller printed, the
     * others indented by it. A line may run 5 columns over when that ends the text, rather than leave a short last
     * word alone; with under 24 columns left, the text starts on a line of its own, indented by 16.
     */
    static String wrap(int indent, int columns, String text) {
        int room = columns - indent;
        StringBuilder out = new StringBuilder();
        if (room < 24) {
            indent = 16;
            room = columns - indent;
            out.append('\n').append(" ".repeat(indent));
        }
        String newLine = "\n" + " ".repeat(indent);
        if (room < 24) {
            return out.append(text.replace("\n", newLine)).toString();
        }
        int slop = 5;
        int limit = room - slop;
        String rest = text;
        boolean first = true;
        while (first || !rest.isEmpty()) {
            String line;
            if (limit + slop > rest.length()) {
                line = rest;
                rest = "";
            } else {
                int cut = lastBreak(rest, limit);
                int newline = rest.lastIndexOf('\n', limit - 1);
                if (cut <= 0) {
                    line = rest;
                    rest = "";
                } else if (newline > 0 && newline < cut) {
                    line = rest.substring(0, newline);
                    rest = rest.substring(newline + 1);
                } else {
                    line = rest.substring(0, cut);
                    rest = rest.substring(cut + 1);
                }
            }
            if (!first) {
                out.append(newLine);
            }
            out.append(line.replace("\n", newLine));
            first = false;
        }
        return out.toString();
    }

    /** The last space, tab or line end before {@code limit}; -1 when none. */
    private static int lastBreak(String s, int limit) {
        for (int i = Math.min(limit, s.length()) - 1; i >= 0; i--) {
            char c = s.charAt(i);
            if (c == ' ' || c == '\t' || c == '\n') {
                return i;
            }
        }
        return -1;
    }

    private static String pad(String s, int width) {
        return s.length() >= width ? s : s + " ".repeat(width - s.length());
    }
}
