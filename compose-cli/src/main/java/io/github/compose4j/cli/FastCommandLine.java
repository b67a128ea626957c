package io.github.compose4j.cli;

import java.lang.reflect.Field;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;

/**
 * Parses the common command lines without picocli, from the {@link OptionTable} written at build time: global
 * options, one command of the table, its options ({@code --name value}, {@code --name=value}, {@code -x value},
 * flags) and positional parameters, with the values picocli would store. Anything else (help, an unknown or
 * repeated option, a value that looks like an option, {@code --}, clustered short flags, a number picocli might
 * read differently) is left to picocli, which then parses the whole line and reports errors as before.
 */
final class FastCommandLine {
    private FastCommandLine() {
    }

    /** The command the arguments name, its fields and the root's global options set; empty to let picocli parse. */
    static Optional<Callable<?>> parse(ComposeCommand root, String[] args) {
        Optional<OptionTable.Command> globals = OptionTable.command(OptionTable.GLOBAL);
        if (globals.isEmpty()) {
            return Optional.empty();
        }
        // Nothing is stored until the whole line has been read: picocli must start from fresh objects.
        GlobalOptions global = new GlobalOptions();
        Reader reader = new Reader(args);
        if (!reader.options(globals.get(), global, true)) {
            return Optional.empty();
        }
        Optional<OptionTable.Command> command = reader.hasNext() ? OptionTable.command(reader.next()) : Optional.empty();
        if (command.isEmpty()) {
            return Optional.empty();
        }
        Object instance = instantiate(command.get().className());
        if (instance == null || !reader.options(command.get(), instance, false) || !(instance instanceof Callable<?> callable)) {
            return Optional.empty();
        }
        root.global = global;
        command.get().parentField().ifPresent(f -> set(instance, f, root));
        return Optional.of(callable);
    }

    /** Reads options (and, for a command, positional parameters) into an object. */
    private static final class Reader {
        private final String[] args;
        private int i;

        Reader(String[] args) {
            this.args = args;
        }

        boolean hasNext() {
            return i < args.length;
        }

        String next() {
            return args[i++];
        }

        /** Reads until the end, or for the root until the first positional word (the command). */
        boolean options(OptionTable.Command command, Object target, boolean stopAtPositional) {
            applyDefaults(command, target);
            Set<String> seen = new HashSet<>();
            while (i < args.length) {
                String arg = args[i];
                if (!arg.startsWith("-") || arg.equals("-")) {
                    if (stopAtPositional) {
                        return true;
                    }
                    if (command.positional().isEmpty()) {
                        return false;
                    }
                    add(target, command.positional().get(), arg);
                    i++;
                    continue;
                }
                if (arg.equals("--")) {
                    return false;
                }
                int eq = arg.startsWith("--") ? arg.indexOf('=') : -1;
                String name = eq < 0 ? arg : arg.substring(0, eq);
                OptionTable.Option option = command.options().get(name);
                if (option == null || (option.kind() != OptionTable.Kind.LIST && !seen.add(option.field()))) {
                    return false;
                }
                i++;
                if (option.kind() == OptionTable.Kind.FLAG) {
                    if (eq >= 0) {
                        return false;
                    }
                    set(target, option.field(), Boolean.TRUE);
                    continue;
                }
                String value;
                if (eq >= 0) {
                    value = arg.substring(eq + 1);
                } else if (i < args.length && !args[i].startsWith("-")) {
                    value = args[i++];
                } else {
                    return false;
                }
                if (!store(target, option, value)) {
                    return false;
                }
            }
            return true;
        }
    }

    private static void applyDefaults(OptionTable.Command command, Object target) {
        // An option is listed once per name: visited once, by identity (a record's hashCode is linked through
        // method handles on first use, a cost a command's start-up should not pay).
        Set<OptionTable.Option> visited = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
        for (OptionTable.Option o : command.options().values()) {
            if (!visited.add(o) || o.defaultValue().isEmpty()) {
                continue;
            }
            String d = o.defaultValue().get();
            if (o.kind() == OptionTable.Kind.LIST) {
                add(target, o.field(), d);
            } else if (!store(target, o, d)) {
                throw new IllegalStateException("bad default " + d + " of " + o.field());
            }
        }
    }

    private static boolean store(Object target, OptionTable.Option option, String value) {
        switch (option.kind()) {
            case INT, INTEGER -> {
                if (!value.matches("-?[0-9]{1,9}")) {
                    return false;
                }
                set(target, option.field(), Integer.valueOf(value));
            }
            case STRING -> set(target, option.field(), value);
            case LIST -> add(target, option.field(), value);
            case FLAG -> set(target, option.field(), Boolean.valueOf(value));
            default -> throw new IllegalStateException(option.kind().name());
        }
        return true;
    }

    @SuppressWarnings("unchecked")
    private static void add(Object target, String field, String value) {
        Field f = field(target.getClass(), field);
        try {
            Object list = f.get(target);
            if (list == null) {
                list = new java.util.ArrayList<String>();
                f.set(target, list);
            }
            ((List<String>) list).add(value);
        } catch (IllegalAccessException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void set(Object target, String field, Object value) {
        try {
            field(target.getClass(), field).set(target, value);
        } catch (IllegalAccessException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Field field(Class<?> type, String name) {
        for (Class<?> c = type; c != null; c = c.getSuperclass()) {
            try {
                Field f = c.getDeclaredField(name);
                f.setAccessible(true);
                return f;
            } catch (NoSuchFieldException e) {
                // declared further up
            }
        }
        throw new IllegalStateException(type.getName() + " has no field " + name);
    }

    private static Object instantiate(String className) {
        try {
            return Class.forName(className).getDeclaredConstructor().newInstance();
        } catch (ReflectiveOperationException e) {
            return null;
        }
    }
}
