package io.github.compose4j.cli.render;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

import static org.assertj.core.api.Assertions.assertThat;

/** Compose's log lines (logrus' text formatter), on and off a terminal. */
class LogFormatTest {
    private static final Instant START = Instant.parse("2026-11-28T01:00:40.500Z");

    @Test
    void terminalLinePadsTheMessageTo44AndCountsWholeSecondsSinceStart() {
        LogFormat f = new LogFormat(true, START, ZoneOffset.UTC);
        assertThat(f.warning("short", START.plusMillis(1_900)))
                .isEqualTo("\u001b[33mWARN\u001b[0m[0001] short" + " ".repeat(39) + " \n");
    }

    @Test
    void terminalLineDropsOneTrailingNewline() {
        LogFormat f = new LogFormat(true, START, ZoneOffset.UTC);
        assertThat(f.warning("a\nb\n", START)).isEqualTo("\u001b[33mWARN\u001b[0m[0000] a\nb" + " ".repeat(41) + " \n");
    }

    @Test
    void otherLineQuotesAMessageWithSpaces() {
        LogFormat f = new LogFormat(false, START, ZoneOffset.UTC);
        assertThat(f.warning("Found orphan containers", Instant.parse("2026-11-28T01:00:42Z")))
                .isEqualTo("time=\"2026-11-28T01:00:42Z\" level=warning msg=\"Found orphan containers\"\n");
    }

    @Test
    void otherLineLeavesASimpleMessageUnquoted() {
        LogFormat f = new LogFormat(false, START, ZoneOffset.UTC);
        assertThat(f.warning("careful", START)).endsWith(" level=warning msg=careful\n");
    }

    @Test
    void otherLineEscapesNewlinesAndQuotes() {
        LogFormat f = new LogFormat(false, START, ZoneOffset.UTC);
        assertThat(f.warning("a network with name x exists.\nSet `external: true` \"now\"", START))
                .endsWith(" msg=\"a network with name x exists.\\nSet `external: true` \\\"now\\\"\"\n");
    }

    @Test
    void otherLineOmitsAnEmptyMessage() {
        LogFormat f = new LogFormat(false, START, ZoneOffset.UTC);
        assertThat(f.warning("", START)).isEqualTo("time=\"2026-11-28T01:00:40Z\" level=warning\n");
    }

    @Test
    void otherLineUsesTheLocalOffset() {
        LogFormat f = new LogFormat(false, START, ZoneId.of("Europe/Paris"));
        assertThat(f.warning("x", START)).startsWith("time=\"2026-11-28T02:00:40+01:00\"");
    }
}
