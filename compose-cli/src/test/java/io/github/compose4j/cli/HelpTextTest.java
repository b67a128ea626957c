package io.github.compose4j.cli;

import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The docker CLI's help layout: option columns, types, defaults and the wrapping of descriptions. */
class HelpTextTest {
    @Command(name = "sample", description = "Do a sample thing")
    static final class Sample {
        @Option(names = {"-n", "--count"}, description = "How many")
        int count = 3;

        @Option(names = "--name", description = "The `label` to give the thing")
        String name = "x";

        @Option(names = "--tag", description = "Tags, each once")
        List<String> tags = new ArrayList<>();

        @Option(names = "--force", description = "Force it")
        boolean force;

        @Option(names = "--secret", hidden = true)
        boolean secret;

        @Parameters(paramLabel = "ITEM")
        List<String> items = new ArrayList<>();
    }

    @Test
    void optionsAreSortedTypedAndAlignedThreeColumnsAfterTheWidest() {
        CommandLine root = new CommandLine(new ComposeCommand(null));
        root.addSubcommand(new CommandLine(new Sample()));

        assertThat(HelpText.of(root.getSubcommands().get("sample"), 80)).isEqualTo("""

                Usage:  docker compose sample [OPTIONS] [ITEM...]

                Do a sample thing

                Options:
                  -n, --count int         How many (default 3)
                      --dry-run           Execute command in dry run mode
                      --force             Force it
                      --name label        The label to give the thing (default "x")
                      --tag stringArray   Tags, each once
                """);
    }

    @Test
    void aLongDescriptionWrapsAtTheLastSpaceAndMayRunFiveOverToEndTheText() {
        String text = "Remove containers for services not defined in the Compose file";
        assertThat(HelpText.wrap(25, 79, text)).isEqualTo("Remove containers for services not defined in\n"
                + " ".repeat(25) + "the Compose file");
        // 47 characters in 49 columns: within the slop, on one line.
        assertThat(HelpText.wrap(30, 79, "Automatically remove the container when it exits"))
                .isEqualTo("Automatically remove the container when it exits");
    }

    @Test
    void withoutRoomTheTextStartsOnItsOwnLineIndentedBy16() {
        assertThat(HelpText.wrap(60, 79, "a b")).isEqualTo("\n" + " ".repeat(16) + "a b");
    }

    @Test
    void aLineEndInTheDescriptionIsKeptAndIndented() {
        assertThat(HelpText.wrap(10, 79, "first\nsecond")).isEqualTo("first\n" + " ".repeat(10) + "second");
    }
}
