package io.github.compose4j.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;

import java.util.List;
import java.util.Set;

/**
 * Builds the picocli command tree for one command line. picocli reads every option of every subcommand by
 * reflection when it builds the tree; a command line that names its subcommand only needs the root's global
 * options and that subcommand, which takes a fraction of the time. Any other command line (none, help, an unknown
 * command, a global option this class does not know) gets the whole tree, so picocli reports on it as before.
 */
final class CommandLines {
    /** The root's options that take a value in the next argument (unless given as {@code --opt=value}). */
    private static final Set<String> VALUED = Set.of("-f", "--file", "-p", "--project-name", "--profile",
            "--env-file", "--project-directory", "--workdir", "--ansi", "--progress", "--parallel");
    /** The root's options without a value. */
    private static final Set<String> FLAGS = Set.of("--compatibility", "--no-ansi", "--dry-run", "--verbose",
            "--debug");

    private CommandLines() {
    }

    /** A command that takes only some of the options its class inherits (by their longest names). */
    interface TakesSomeOptions {
        Set<String> takenOptions();
    }

    /** Removes the options a {@link TakesSomeOptions} command does not take, so that they are unknown flags. */
    static CommandSpec restrict(CommandSpec spec) {
        if (spec.userObject() instanceof TakesSomeOptions some) {
            for (CommandLine.Model.OptionSpec o : List.copyOf(spec.options())) {
                if (!some.takenOptions().contains(o.longestName())) {
                    spec.remove(o);
                }
            }
        }
        return spec;
    }

    static CommandLine of(ComposeCommand root, String[] args) {
        Class<?> only = subcommand(args);
        if (only == null) {
            CommandLine all = new CommandLine(root);
            all.getSubcommands().values().forEach(sub -> restrict(sub.getCommandSpec()));
            return all;
        }
        CommandSpec spec = CommandSpec.wrapWithoutInspection(root);
        Command rootAnnotation = ComposeCommand.class.getAnnotation(Command.class);
        spec.name(rootAnnotation.name());
        spec.usageMessage().description(rootAnnotation.description());
        spec.addMixin("global", CommandSpec.forAnnotatedObject(root.global));
        CommandLine cl = new CommandLine(spec);
        cl.addSubcommand(new CommandLine(restrict(CommandSpec.forAnnotatedObject(instantiate(only)))));
        return cl;
    }

    /** Commands that never talk to the engine. */
    private static final Set<String> OFFLINE = Set.of("config", "convert", "version");

    /**
     * Whether the arguments name a subcommand that talks to the engine (all but the loader's and version). Decided
     * on the name alone: reading the command's annotations costs more than the connection it would start early.
     */
    static boolean talksToEngine(String[] args) {
        String name = subcommandName(args);
        List<String> all = java.util.Arrays.asList(args);
        return name != null && !OFFLINE.contains(name) && !all.contains("--help") && !all.contains("-h");
    }

    /** The class of the subcommand the arguments name, or null when unsure. */
    static Class<?> subcommand(String[] args) {
        String name = subcommandName(args);
        return name == null ? null : named(name);
    }

    /** The first word after the global options (the subcommand's name), or null when unsure. */
    private static String subcommandName(String[] args) {
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            if (!arg.startsWith("-")) {
                return arg;
            }
            String option = arg.contains("=") ? arg.substring(0, arg.indexOf('=')) : arg;
            if (VALUED.contains(option)) {
                if (!arg.contains("=")) {
                    i++;
                }
            } else if (!FLAGS.contains(option) && !attachedShortValue(arg)) {
                return null;
            }
        }
        return null;
    }

    /** {@code -pNAME}, {@code -fFILE}: a short option with its value attached. */
    private static boolean attachedShortValue(String arg) {
        return arg.length() > 2 && !arg.startsWith("--") && (arg.charAt(1) == 'p' || arg.charAt(1) == 'f');
    }

    /**
     * The subcommand class for {@code name}, found by the naming convention ({@code up} is {@code UpCommand}) so
     * that only that class is loaded and inspected: reading the root's subcommand list would load and parse the
     * annotations of every command. Null when no class of that name is a command of that name.
     */
    static Class<?> named(String name) {
        if (name.isEmpty() || !name.chars().allMatch(ch -> ch >= 'a' && ch <= 'z')) {
            return null;
        }
        String simple = Character.toUpperCase(name.charAt(0)) + name.substring(1) + "Command";
        Class<?> type;
        try {
            type = Class.forName(CommandLines.class.getPackageName() + "." + simple, false,
                    CommandLines.class.getClassLoader());
        } catch (ClassNotFoundException e) {
            return null;
        }
        Command command = type.getAnnotation(Command.class);
        return command != null && command.name().equals(name) ? type : null;
    }

    static Object instantiate(Class<?> type) {
        try {
            return CommandLine.defaultFactory().create(type);
        } catch (Exception e) {
            throw new IllegalStateException("cannot create " + type.getName(), e);
        }
    }
}
