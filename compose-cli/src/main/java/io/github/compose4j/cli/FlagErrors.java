package io.github.compose4j.cli;

import io.github.compose4j.error.Failure;
import picocli.CommandLine;
import picocli.CommandLine.Model.OptionSpec;

/** A command line picocli refused, reported in the docker CLI's words and with Compose's exit codes. */
final class FlagErrors {
    private FlagErrors() {
    }

    static String message(CommandLine.ParameterException ex, String[] args) {
        if (ex instanceof CommandLine.MissingParameterException m && m.getMissing().size() == 1
                && m.getMissing().get(0) instanceof OptionSpec o) {
            String typed = typedName(o, args);
            return "flag needs an argument: " + (typed.startsWith("--") ? typed
                    : "'" + typed.substring(1) + "' in " + typed);
        }
        String invalid = invalidValue(ex);
        if (invalid != null) {
            OptionSpec o = (OptionSpec) ex.getArgSpec();
            String shortName = shortName(o);
            String flag = shortName == null ? longName(o) : shortName + ", " + longName(o);
            return "invalid argument \"" + ex.getValue() + "\" for \"" + flag + "\" flag: " + invalid + ": parsing \""
                    + ex.getValue() + "\": invalid syntax";
        }
        if (ex instanceof CommandLine.UnmatchedArgumentException u) {
            for (String arg : u.getUnmatched()) {
                if (arg.startsWith("--")) {
                    return "unknown flag: " + arg.split("=", 2)[0];
                }
                if (arg.startsWith("-") && arg.length() > 1) {
                    return "unknown shorthand flag: '" + arg.charAt(1) + "' in " + arg;
                }
            }
            if (u.getCommandLine().getCommandSpec().parent() == null && !u.getUnmatched().isEmpty()) {
                return "unknown docker command: \"compose " + u.getUnmatched().get(0) + "\"";
            }
        }
        return ex.getMessage();
    }

    /** 16, but 1 for a bad value of a global flag: the docker CLI reads those itself. */
    static int exitCode(CommandLine.ParameterException ex) {
        boolean rootValue = invalidValue(ex) != null && ex.getArgSpec().command().parent() == null;
        return rootValue ? Failure.GENERAL.exitCode() : Failure.COMMAND_SYNTAX.exitCode();
    }

    /** The option's name: its first long one as declared (the others are aliases). */
    static String longName(OptionSpec o) {
        for (String n : o.names()) {
            if (n.startsWith("--")) {
                return n;
            }
        }
        return o.longestName();
    }

    /** The option's one-letter name ({@code -t}), or null. */
    static String shortName(OptionSpec o) {
        for (String n : o.names()) {
            if (n.length() == 2 && n.charAt(0) == '-') {
                return n;
            }
        }
        return null;
    }

    /** The Go function that would have refused an option's value (strconv.ParseInt...); null for other errors. */
    private static String invalidValue(CommandLine.ParameterException ex) {
        if (!(ex.getCause() instanceof CommandLine.TypeConversionException) || !(ex.getArgSpec() instanceof OptionSpec o)
                || ex.getValue() == null) {
            return null;
        }
        Class<?> type = o.type();
        if (type == int.class || type == Integer.class || type == long.class || type == Long.class) {
            return "strconv.ParseInt";
        }
        if (type == boolean.class || type == Boolean.class) {
            return "strconv.ParseBool";
        }
        if (type == double.class || type == Double.class || type == float.class || type == Float.class) {
            return "strconv.ParseFloat";
        }
        return null;
    }

    /** The name of {@code option} as the command line spelled it (its last occurrence). */
    private static String typedName(OptionSpec option, String[] args) {
        for (int i = args.length - 1; i >= 0; i--) {
            String arg = args[i].contains("=") ? args[i].substring(0, args[i].indexOf('=')) : args[i];
            for (String n : option.names()) {
                if (arg.equals(n)) {
                    return n;
                }
            }
        }
        return option.longestName();
    }
}
