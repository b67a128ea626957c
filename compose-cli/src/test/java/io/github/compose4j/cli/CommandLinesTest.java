package io.github.compose4j.cli;

import org.junit.jupiter.api.Test;
import picocli.CommandLine;

import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** {@link CommandLines}: which command lines get a tree with only the subcommand they name. */
class CommandLinesTest {
    @Test
    void theSubcommandIsFoundAfterGlobalOptionsAndTheirValues() {
        assertThat(CommandLines.subcommand(new String[] {"-p", "x", "--dry-run", "-f", "a.yaml", "up", "-d"}))
                .isEqualTo(UpCommand.class);
        assertThat(CommandLines.subcommand(new String[] {"--file=a.yaml", "--project-name=x", "down"}))
                .isEqualTo(DownCommand.class);
        assertThat(CommandLines.subcommand(new String[] {"-px", "-fa.yaml", "create"})).isEqualTo(CreateCommand.class);
    }

    @Test
    void everyCommandOfTheRootIsFoundByItsName() {
        for (Class<?> type : ComposeCommand.class.getAnnotation(CommandLine.Command.class).subcommands()) {
            String name = type.getAnnotation(CommandLine.Command.class).name();
            assertThat(CommandLines.named(name)).as(name).isEqualTo(type);
        }
    }

    @Test
    void commandsThatTalkToTheEngineConnectEarly() {
        assertThat(CommandLines.talksToEngine(new String[] {"-p", "x", "up", "-d"})).isTrue();
        assertThat(CommandLines.talksToEngine(new String[] {"down"})).isTrue();
        assertThat(CommandLines.talksToEngine(new String[] {"config", "-q"})).isFalse();
        assertThat(CommandLines.talksToEngine(new String[] {"version"})).isFalse();
        assertThat(CommandLines.talksToEngine(new String[] {"up", "--help"})).isFalse();
        assertThat(CommandLines.talksToEngine(new String[] {"--bogus", "up"})).isFalse();
    }

    @Test
    void aliasesGetTheWholeTree() {
        assertThat(CommandLines.subcommand(new String[] {"convert"})).isNull();
    }

    @Test
    void unknownOptionsAndCommandsAndMissingCommandsGetTheWholeTree() {
        assertThat(CommandLines.subcommand(new String[] {"--bogus", "up"})).isNull();
        assertThat(CommandLines.subcommand(new String[] {"nosuch"})).isNull();
        assertThat(CommandLines.subcommand(new String[] {"-p", "x"})).isNull();
        assertThat(CommandLines.subcommand(new String[] {})).isNull();
    }

    @Test
    void theLeanTreeHasTheGlobalOptionsAndOneSubcommandWithTheRootAsParent() {
        PrintStream sink = new PrintStream(OutputStream.nullOutputStream());
        ComposeCommand root = new ComposeCommand(new CliContext(Path.of("/"), Map.of(), () -> "", sink, sink));

        CommandLine cl = CommandLines.of(root, new String[] {"-p", "x", "up", "-d"});
        cl.parseArgs("-p", "x", "up", "-d");

        assertThat(cl.getSubcommands()).containsOnlyKeys("up");
        assertThat(root.global.projectName).isEqualTo("x");
        assertThat(((UpCommand) cl.getSubcommands().get("up").getCommand()).root).isSameAs(root);
    }

    @Test
    void withoutASubcommandTheTreeHasThemAll() {
        PrintStream sink = new PrintStream(OutputStream.nullOutputStream());
        ComposeCommand root = new ComposeCommand(new CliContext(Path.of("/"), Map.of(), () -> "", sink, sink));

        assertThat(CommandLines.of(root, new String[] {}).getSubcommands()).containsKeys("up", "down", "config",
                "version", "create");
    }
}
