package io.github.compose4j.cli.render;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Prefixes and colours as docker compose 2.26.1 prints them (read with {@code cat -v}). */
class LogLinesTest {
    @Test
    void prefixesArePaddedToOneMoreThanTheLongestName() {
        LogLines f = new LogLines(false, true);
        f.register("a-1");
        f.register("bb-1");

        assertThat(f.prefix("a-1")).isEqualTo("a-1   | ");
        assertThat(f.prefix("bb-1")).isEqualTo("bb-1  | ");
    }

    @Test
    void aLongerNameWidensEveryPrefix() {
        LogLines f = new LogLines(false, true);
        f.register("a-1");
        assertThat(f.prefix("a-1")).isEqualTo("a-1  | ");

        f.register("longer-1");
        assertThat(f.prefix("a-1")).isEqualTo("a-1       | ");
    }

    @Test
    void colouredPrefixesFollowComposesRainbowInRegistrationOrder() {
        LogLines f = new LogLines(true, true);
        f.register("a-1");
        f.register("bb-1");

        assertThat(f.prefix("a-1")).isEqualTo("\033[36ma-1   | \033[0m");
        assertThat(f.prefix("bb-1")).isEqualTo("\033[33mbb-1  | \033[0m");
    }

    @Test
    void theRainbowTurnsBrightAfterFiveColoursAndWrapsAfterTen() {
        LogLines f = new LogLines(true, true);
        for (int i = 0; i < 11; i++) {
            f.register("s-" + i);
        }

        assertThat(f.prefix("s-5")).startsWith("\033[36;1m");
        assertThat(f.prefix("s-9")).startsWith("\033[34;1m");
        assertThat(f.prefix("s-10")).startsWith("\033[36m");
    }

    @Test
    void withoutPrefixLinesStartBareButStatusKeepsItsColour() {
        LogLines f = new LogLines(true, false);
        f.register("a-1");

        assertThat(f.prefix("a-1")).isEmpty();
        assertThat(f.status("a-1", "exited with code 0")).isEqualTo("\033[36ma-1 exited with code 0\n\033[0m");
    }

    @Test
    void monochromeStatusIsPlain() {
        LogLines f = new LogLines(false, true);

        assertThat(f.status("bb-1", "exited with code 3")).isEqualTo("bb-1 exited with code 3\n");
    }

    @Test
    void anUnregisteredNameRegistersOnFirstUse() {
        LogLines f = new LogLines(true, true);

        assertThat(f.prefix("x-1")).isEqualTo("\033[36mx-1  | \033[0m");
    }

    @Test
    void widthCountsCharactersNotBytes() {
        LogLines f = new LogLines(false, true);
        f.register("é-1");
        f.register("ab-1");

        assertThat(f.prefix("é-1")).isEqualTo("é-1   | ");
    }
}
