package io.github.compose4j.cli;

import org.junit.jupiter.api.Test;
import picocli.CommandLine;

import java.io.OutputStream;
import java.io.PrintStream;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;

import static org.assertj.core.api.Assertions.assertThat;

/** {@link FastCommandLine} stores exactly what picocli stores, or leaves the line to picocli. */
class FastCommandLineTest {
    private static final PrintStream SINK = new PrintStream(OutputStream.nullOutputStream());

    @Test
    void theTableHasTheCommonCommands() {
        assertThat(OptionTable.command("up")).isPresent();
        assertThat(OptionTable.command("down")).isPresent();
        assertThat(OptionTable.command(OptionTable.GLOBAL)).isPresent();
        assertThat(OptionTable.command("run")).as("stops at its first positional").isEmpty();
    }

    @Test
    void theBuiltTableIsWhatTheAnnotationsSayNow() {
        assertThat(OptionTable.parse(String.join("\n", OptionTableWriter.lines())))
                .isEqualTo(OptionTable.parse(String.join("\n", OptionTableWriter.lines())))
                .containsKeys("up", "down");
        for (String line : OptionTableWriter.lines()) {
            if (line.startsWith("C\t")) {
                assertThat(OptionTable.command(line.split("\t")[1])).as(line).isPresent();
            }
        }
    }

    @Test
    void everyOptionOfEveryTabledCommandIsStoredAsPicocliStoresIt() {
        Map<String, OptionTable.Command> table = OptionTable.parse(String.join("\n", OptionTableWriter.lines()));
        int lines = 0;
        for (OptionTable.Command command : table.values()) {
            if (command.name().equals(OptionTable.GLOBAL)) {
                continue;
            }
            for (List<String> line : commandLines(command)) {
                assertSameAsPicocli(line);
                lines++;
            }
        }
        assertThat(lines).isGreaterThan(100);
    }

    @Test
    void globalOptionsBeforeTheCommandAreStoredAsPicocliStoresThem() {
        assertSameAsPicocli(List.of("-p", "x", "-f", "a.yaml", "--file=b.yaml", "--profile", "p1", "--profile=p2",
                "--env-file", "e", "--project-directory", "d", "--compatibility", "--ansi", "never", "--progress=plain",
                "--parallel", "3", "--dry-run", "--verbose", "--debug", "up", "-d", "web", "db"));
        assertSameAsPicocli(List.of("--workdir", "w", "--no-ansi", "down", "-v", "--rmi", "all", "-t", "0"));
    }

    @Test
    void unusualLinesAreLeftToPicocli() {
        for (List<String> line : List.<List<String>>of(List.of("up", "--help"), List.of("up", "-dV"), List.of("up", "--detach=true"),
                List.of("up", "-d", "-d"), List.of("--parallel", "-1", "up"), List.of("up", "--", "web"),
                List.of("nosuch"), List.of("-pNAME", "up"), List.of("up", "-t", "0x10"), List.of("up", "--bogus"),
                List.of(), List.of("-p", "x"), List.of("run", "web"), List.of("up", "-t"))) {
            assertThat(FastCommandLine.parse(root(), line.toArray(String[]::new))).as(line.toString()).isEmpty();
        }
    }

    @Test
    void theCommandGetsItsParentAndTheRootItsGlobalOptions() {
        ComposeCommand root = root();
        Optional<Callable<?>> up = FastCommandLine.parse(root, new String[] {"-p", "x", "up", "-d", "web"});

        assertThat(up).containsInstanceOf(UpCommand.class);
        UpCommand command = (UpCommand) up.get();
        assertThat(command.root).isSameAs(root);
        assertThat(command.detach).isTrue();
        assertThat(command.services).containsExactly("web");
        assertThat(root.global.projectName).isEqualTo("x");
    }

    private static List<List<String>> commandLines(OptionTable.Command command) {
        List<List<String>> lines = new ArrayList<>();
        lines.add(List.of(command.name()));
        List<String> all = new ArrayList<>(List.of(command.name()));
        for (OptionTable.Option option : command.options().values().stream().distinct().toList()) {
            for (String name : option.names()) {
                List<String> line = new ArrayList<>(List.of(command.name()));
                switch (option.kind()) {
                    case FLAG -> line.add(name);
                    case LIST -> line.addAll(List.of(name, "v1", name, "v2"));
                    case INT, INTEGER -> line.addAll(List.of(name, "7"));
                    default -> line.addAll(List.of(name, "val"));
                }
                lines.add(line);
                if (name.startsWith("--") && option.kind() != OptionTable.Kind.FLAG) {
                    String value = option.kind() == OptionTable.Kind.STRING ? "a=b" : "3";
                    lines.add(List.of(command.name(), name + "=" + value));
                }
            }
            all.addAll(lines.get(lines.size() - 1).subList(1, lines.get(lines.size() - 1).size()));
        }
        if (command.positional().isPresent()) {
            lines.add(List.of(command.name(), "web", "db"));
            all.addAll(List.of("web", "db"));
        }
        lines.add(all);
        return lines;
    }

    private static void assertSameAsPicocli(List<String> line) {
        String[] args = line.toArray(String[]::new);
        ComposeCommand fastRoot = root();
        Optional<Callable<?>> fast = FastCommandLine.parse(fastRoot, args);
        assertThat(fast).as("fast path for %s", line).isPresent();

        ComposeCommand picoRoot = root();
        CommandLine cl = CommandLines.of(picoRoot, args);
        CommandLine.ParseResult parsed = cl.parseArgs(args);
        Object picocliCommand = parsed.subcommand().commandSpec().userObject();

        assertThat(fields(fast.get())).as(line.toString()).isEqualTo(fields(picocliCommand));
        assertThat(fields(fastRoot.global)).as(line.toString()).isEqualTo(fields(picoRoot.global));
    }

    private static Map<String, Object> fields(Object o) {
        Map<String, Object> values = new LinkedHashMap<>();
        for (Class<?> c = o.getClass(); c != Object.class; c = c.getSuperclass()) {
            for (Field f : c.getDeclaredFields()) {
                if (Modifier.isStatic(f.getModifiers()) || f.getType() == ComposeCommand.class) {
                    continue;
                }
                f.setAccessible(true);
                try {
                    values.put(c.getSimpleName() + "." + f.getName(), f.get(o));
                } catch (IllegalAccessException e) {
                    throw new IllegalStateException(e);
                }
            }
        }
        return values;
    }

    private static ComposeCommand root() {
        return new ComposeCommand(new CliContext(Path.of("/"), Map.of(), () -> "", SINK, SINK));
    }
}
