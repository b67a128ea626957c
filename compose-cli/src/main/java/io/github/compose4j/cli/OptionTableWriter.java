package io.github.compose4j.cli;

import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;

import java.lang.reflect.Field;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Build step (run by Maven after compiling): compiles the {@link OptionTable} from the commands' annotations, as
 * picocli reads them. A command with anything {@link FastCommandLine} does not handle (argument groups, mixins,
 * split values, options that take optional values, conversions other than int...) is left out, so picocli parses
 * it. Usage: {@code OptionTableWriter CLASSES_DIR}.
 */
public final class OptionTableWriter {
    private OptionTableWriter() {
    }

    public static void main(String[] args) {
        io.github.compose4j.model.codec.TextClasses.write(Path.of(args[0]),
                OptionTableWriter.class.getPackageName() + ".OptionTableText", String.join("\n", lines()) + "\n");
    }

    static List<String> lines() {
        List<String> lines = new ArrayList<>();
        CommandSpec global = CommandSpec.forAnnotatedObject(new GlobalOptions());
        describe(OptionTable.GLOBAL, GlobalOptions.class, global).ifPresent(c -> lines.addAll(OptionTable.format(c)));
        for (Class<?> type : ComposeCommand.class.getAnnotation(CommandLine.Command.class).subcommands()) {
            if (StopsAtPositional.class.isAssignableFrom(type) || hasSpecField(type)) {
                continue;
            }
            CommandSpec spec = CommandLines.restrict(CommandSpec.forAnnotatedObject(CommandLines.instantiate(type)));
            if (!spec.argGroups().isEmpty() || !spec.mixins().isEmpty() || !spec.subcommands().isEmpty()) {
                continue;
            }
            describe(spec.name(), type, spec).ifPresent(c -> lines.addAll(OptionTable.format(c)));
        }
        return lines;
    }

    private static Optional<OptionTable.Command> describe(String name, Class<?> type, CommandSpec spec) {
        Map<String, OptionTable.Option> options = new LinkedHashMap<>();
        for (OptionSpec o : spec.options()) {
            if (o.usageHelp() || o.versionHelp()) {
                continue; // unknown to the table: such a command line goes to picocli
            }
            Optional<OptionTable.Option> option = option(o);
            if (option.isEmpty()) {
                return Optional.empty();
            }
            for (String n : o.names()) {
                options.put(n, option.get());
            }
        }
        Optional<String> positional = Optional.empty();
        List<PositionalParamSpec> params = spec.positionalParameters();
        if (params.size() > 1) {
            return Optional.empty();
        }
        if (params.size() == 1) {
            PositionalParamSpec p = params.get(0);
            boolean simpleList = p.type() == List.class && Arrays.equals(p.auxiliaryTypes(), new Class<?>[] {String.class})
                    && p.index().min() == 0 && p.index().max() == Integer.MAX_VALUE && p.arity().min() == 0
                    && p.splitRegex().isEmpty() && p.converters().length == 0 && p.userObject() instanceof Field;
            if (!simpleList) {
                return Optional.empty();
            }
            positional = Optional.of(((Field) p.userObject()).getName());
        }
        return Optional.of(new OptionTable.Command(name, type.getName(), parentField(type), options, positional));
    }

    private static Optional<OptionTable.Option> option(OptionSpec o) {
        if (!(o.userObject() instanceof Field field) || !o.splitRegex().isEmpty() || o.negatable() || o.required()
                || o.interactive() || o.converters().length > 0 || !o.fallbackValue().isEmpty()) {
            return Optional.empty();
        }
        String defaultValue = o.defaultValue();
        if (defaultValue != null && (defaultValue.contains("${") || defaultValue.equals(OptionTable.NONE)
                || defaultValue.chars().anyMatch(ch -> ch == '\t' || ch == '\n'))) {
            return Optional.empty();
        }
        Class<?> t = o.type();
        OptionTable.Kind kind;
        if ((t == boolean.class || t == Boolean.class) && o.arity().max() == 0) {
            kind = OptionTable.Kind.FLAG;
        } else if (o.arity().min() != 1 || o.arity().max() != 1) {
            return Optional.empty();
        } else if (t == int.class) {
            kind = OptionTable.Kind.INT;
        } else if (t == Integer.class) {
            kind = OptionTable.Kind.INTEGER;
        } else if (t == String.class) {
            kind = OptionTable.Kind.STRING;
        } else if (t == List.class && Arrays.equals(o.auxiliaryTypes(), new Class<?>[] {String.class})) {
            kind = OptionTable.Kind.LIST;
        } else {
            return Optional.empty();
        }
        return Optional.of(new OptionTable.Option(List.of(o.names()), field.getName(), kind,
                Optional.ofNullable(defaultValue)));
    }

    private static Optional<String> parentField(Class<?> type) {
        for (Class<?> c = type; c != null; c = c.getSuperclass()) {
            for (Field f : c.getDeclaredFields()) {
                if (f.isAnnotationPresent(CommandLine.ParentCommand.class)) {
                    return Optional.of(f.getName());
                }
            }
        }
        return Optional.empty();
    }

    private static boolean hasSpecField(Class<?> type) {
        for (Class<?> c = type; c != null; c = c.getSuperclass()) {
            for (Field f : c.getDeclaredFields()) {
                if (f.isAnnotationPresent(CommandLine.Spec.class) || f.isAnnotationPresent(CommandLine.Mixin.class)
                        || f.isAnnotationPresent(CommandLine.ArgGroup.class)) {
                    return true;
                }
            }
        }
        return false;
    }
}
