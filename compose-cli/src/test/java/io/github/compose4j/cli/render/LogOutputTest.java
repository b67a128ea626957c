package io.github.compose4j.cli.render;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class LogOutputTest {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private final ByteArrayOutputStream info = new ByteArrayOutputStream();
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2024-03-01T10:20:30.000001200Z"), ZoneOffset.UTC);

    private LogOutput output(boolean timestamps) {
        return new LogOutput(new LogLines(false, true), timestamps, CLOCK, out, err, info);
    }

    private static String text(ByteArrayOutputStream s) {
        return s.toString(StandardCharsets.UTF_8);
    }

    @Test
    void stdoutLinesArePrefixedAndEachPrecededByTheEraseLineSequence() {
        LogOutput o = output(false);
        o.register("web-1");
        o.log("web-1", false, List.of("one", "two"));
        o.flush();

        assertThat(text(out)).isEqualTo("\033[2Kweb-1  | one\n\033[2Kweb-1  | two\n");
        assertThat(text(err)).isEmpty();
    }

    @Test
    void stderrLinesGoToStderrWhileTheEraseSequenceGoesToStdout() {
        LogOutput o = output(false);
        o.log("web-1", true, List.of("oops"));
        o.flush();

        assertThat(text(err)).isEqualTo("web-1  | oops\n");
        assertThat(text(out)).isEqualTo("\033[2K");
    }

    @Test
    void timestampsFollowThePrefixWithoutASpaceAsComposePrintsThem() {
        LogOutput o = output(true);
        o.log("web-1", false, List.of("hello"));
        o.flush();

        assertThat(text(out)).isEqualTo("\033[2Kweb-1  | 2024-03-01T10:20:30.000001200Zhello\n");
    }

    @Test
    void timestampsCarryTheLocalOffset() {
        Clock paris = Clock.fixed(Instant.parse("2024-03-01T10:20:30Z"), ZoneId.of("Europe/Paris"));

        assertThat(LogOutput.TIME.format(java.time.ZonedDateTime.now(paris)))
            .isEqualTo("2024-03-01T11:20:30.000000000+01:00");
    }

    @Test
    void statusLinesAndTheAttachingLineGoToStdout() {
        LogOutput o = output(false);
        o.attaching(List.of("a-1", "b-1"));
        o.status("a-1", "exited with code 0");
        o.flush();

        assertThat(text(out)).isEqualTo("Attaching to a-1, b-1\na-1 exited with code 0\n");
    }

    @Test
    void theAbortNoticeGoesToTheInformationStream() {
        LogOutput o = output(false);
        o.aborting();

        assertThat(text(info)).isEqualTo("Aborting on container exit...\n");
    }

    @Test
    void nothingReachesTheStreamsBeforeAFlush() {
        LogOutput o = output(false);
        o.log("web-1", false, List.of("buffered"));

        assertThat(out.size()).isZero();
    }
}
