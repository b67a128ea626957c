package io.github.compose4j.cli.render;

import io.github.compose4j.cli.render.ProgressDisplay.Mode;
import io.github.compose4j.error.ComposeException;
import io.github.compose4j.event.ProgressEvent;
import io.github.compose4j.event.ProgressEvent.Status;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import static io.github.compose4j.event.ProgressEvent.done;
import static io.github.compose4j.event.ProgressEvent.working;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Replays the events of real Compose runs and compares the whole stderr stream with what Compose wrote. */
class ProgressDisplayTest {
    private static final Instant T0 = Instant.parse("2026-11-28T00:00:00Z");
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final PrintStream err = new PrintStream(out, true, StandardCharsets.UTF_8);
    private final Ticker.Manual ticker = Ticker.manual(T0, ZoneOffset.UTC);

    private String output() {
        return out.toString(StandardCharsets.UTF_8);
    }

    private void at(long millis) {
        Duration elapsed = Duration.between(T0, ticker.now());
        ticker.advance(Duration.ofMillis(millis).minus(elapsed));
    }

    private void tickAt(long millis) {
        at(millis);
        ticker.tick();
    }

    @Test
    void upOnATerminalRedrawsAsCompose() {
        try (ProgressDisplay d = ProgressDisplay.open(Mode.TTY, "Running", err, 100, 30, ticker)) {
            d.event(working("Network pgcap7x_default", "Creating"));
            at(100);
            d.event(done("Network pgcap7x_default", "Created"));
            d.event(working("Container pgcap7x-web-1", "Creating"));
            tickAt(120);
            at(140);
            d.event(done("Container pgcap7x-web-1", "Created"));
            at(150);
            d.event(working("Container pgcap7x-worker-1", "Creating"));
            at(190);
            d.event(done("Container pgcap7x-worker-1", "Created"));
            tickAt(220);
            tickAt(320);
            d.event(working("Container pgcap7x-web-1", "Starting"));
            d.event(done("Container pgcap7x-web-1", "Started"));
            tickAt(420);
            d.event(working("Container pgcap7x-worker-1", "Starting"));
            d.event(done("Container pgcap7x-worker-1", "Started"));
            tickAt(520);
        }
        assertThat(Captured.distinctFrames(output()))
                .containsExactlyElementsOf(Captured.distinctFrames(Captured.read("tty-up100.txt")));
    }

    @Test
    void zeroWidthTerminalGetsNoPadding() {
        // Captured without a terminal size: Compose then aligns nothing and hides nested lines.
        try (ProgressDisplay d = ProgressDisplay.open(Mode.TTY, "Running", err, 0, 0, ticker)) {
            d.event(working("Network pgcap7x_default", "Creating"));
            at(100);
            d.event(done("Network pgcap7x_default", "Created"));
            d.event(working("Container pgcap7x-web-1", "Creating"));
            tickAt(120);
            at(160);
            d.event(done("Container pgcap7x-web-1", "Created"));
            at(200);
            d.event(working("Container pgcap7x-worker-1", "Creating"));
            tickAt(220);
            at(240);
            d.event(done("Container pgcap7x-worker-1", "Created"));
            tickAt(320);
            d.event(done("Container pgcap7x-web-1", "Started"));
            tickAt(420);
            d.event(done("Container pgcap7x-worker-1", "Started"));
        }
        assertThat(Captured.distinctFrames(output()))
                .containsExactlyElementsOf(Captured.distinctFrames(Captured.read("tty-up.txt")));
    }

    @Test
    void pullShowsLayersUnderTheirServiceAsCompose() {
        try (ProgressDisplay d = ProgressDisplay.open(Mode.TTY, "Pulling", err, 120, 40, ticker)) {
            d.event(new ProgressEvent("other", Status.DONE, "", "Skipped"));
            d.event(new ProgressEvent("app", Status.WORKING, "", "Pulling"));
            tickAt(80);
            at(169);
            d.event(layer("202259a9dda8", Status.DONE, "Already exists", "", 0, 0, 100));
            d.event(layer("4c700a4a2508", Status.WORKING, "Pulling fs layer", "", 0, 0, 0));
            at(171);
            d.event(layer("2c98610d5654", Status.WORKING, "Pulling fs layer", "", 0, 0, 0));
            d.event(layer("879344bfb857", Status.WORKING, "Pulling fs layer", "", 0, 0, 0));
            tickAt(180);
            at(190);
            d.event(layer("4c700a4a2508", Status.WORKING, "Downloading",
                    "[>                                                  ]  69.21kB/4.001MB", 69206, 4001234, 1));
            at(200);
            d.event(layer("879344bfb857", Status.WORKING, "Downloading",
                    "[==================================================>]   1.05kB/1.05kB", 1050, 1050, 100));
            d.event(layer("879344bfb857", Status.WORKING, "Verifying Checksum", "", 0, 0, 0));
            d.event(layer("879344bfb857", Status.DONE, "Download complete", "", 0, 0, 100));
            at(210);
            d.event(layer("2c98610d5654", Status.WORKING, "Downloading",
                    "[>                                                  ]  131.1kB/12MB", 131072, 12003456, 1));
            at(270);
            ticker.advance(Duration.ofNanos(500_000));
            ticker.tick();
        }
        List<String> expected = Captured.distinctFrames(Captured.read("tty-pull.txt")).subList(0, 3);
        List<String> actual = Captured.distinctFrames(output());
        assertThat(actual.subList(0, 3)).containsExactlyElementsOf(expected);
    }

    private static ProgressEvent layer(String id, Status status, String text, String statusText,
                                       long current, long total, int percent) {
        return new ProgressEvent(id, status, statusText, text).withParent("app").withProgress(current, total, percent);
    }

    @Test
    void warningIsWrittenBetweenFramesAndTheNextFrameDrawsOverIt() {
        Ticker.Manual started = Ticker.manual(T0.minusMillis(100), ZoneOffset.UTC);
        started.advance(Duration.ofMillis(100));
        Ticker.Manual t = started;
        try (ProgressDisplay d = ProgressDisplay.open(Mode.TTY, "Running", err, 100, 30, t)) {
            d.event(working("Container pgcap7w-a-1", "Recreate"));
            for (int frame = 1; frame <= 13; frame++) {
                moveTo(t, frame * 100 - 10);
                t.tick();
            }
            moveTo(t, 1400);
            d.event(done("Container pgcap7w-a-1", "Recreated"));
            d.event(working("Container pgcap7w-c-1", "Creating"));
            moveTo(t, 1410);
            t.tick();
            moveTo(t, 1450);
            d.warning("mount of type `bind` should not define `volume` option");
            moveTo(t, 1510);
            t.tick();
            moveTo(t, 1520);
            d.event(done("Container pgcap7w-c-1", "Created"));
            moveTo(t, 1610);
            t.tick();
            d.event(working("Container pgcap7w-a-1", "Starting"));
            d.event(done("Container pgcap7w-a-1", "Started"));
            moveTo(t, 1710);
            t.tick();
            d.event(working("Container pgcap7w-c-1", "Starting"));
            d.event(done("Container pgcap7w-c-1", "Started"));
        }
        assertThat(Captured.distinctFrames(output()))
                .containsExactlyElementsOf(Captured.distinctFrames(Captured.read("tty-warn.txt")));
    }

    private static void moveTo(Ticker.Manual t, long millis) {
        t.advance(Duration.ofMillis(millis).minus(Duration.between(T0, t.now())));
    }

    @Test
    void warningBeforeAnyFrameIsPrintedAlone() {
        try (ProgressDisplay d = ProgressDisplay.open(Mode.TTY, "Running", err, 100, 30, ticker)) {
            d.warning("Found orphan containers ([pgcap7o-worker-1]) for this project. If you removed or renamed "
                    + "this service in your compose file, you can run this command with the --remove-orphans flag "
                    + "to clean it up.");
            d.event(done("Container pgcap7o-web-1", "Running"));
            d.event(working("Container pgcap7o-bad-1", "Creating"));
            tickAt(10);
        }
        String captured = Captured.read("tty-orph.txt");
        assertThat(output()).startsWith(captured.substring(0, captured.indexOf(Captured.SHOW_CURSOR)));
    }

    @Test
    void plainPrintsOneLinePerEventAsCompose() {
        try (ProgressDisplay d = ProgressDisplay.open(Mode.PLAIN, "Running", err, 80, 24, ticker)) {
            for (String id : List.of("Network pgcap7x_default", "Container pgcap7x-web-1", "Container pgcap7x-worker-1")) {
                d.event(working(id, "Creating"));
                d.event(done(id, "Created"));
            }
            for (String id : List.of("Container pgcap7x-web-1", "Container pgcap7x-worker-1")) {
                d.event(working(id, "Starting"));
                d.event(done(id, "Started"));
            }
        }
        assertThat(output()).isEqualTo(Captured.read("plain-up.txt"));
    }

    @Test
    void plainPullLinesCarryTextAndProgress() {
        try (ProgressDisplay d = ProgressDisplay.open(Mode.PLAIN, "Pulling", err, 80, 24, ticker)) {
            d.event(new ProgressEvent("other", Status.DONE, "", "Skipped"));
            d.event(new ProgressEvent("app", Status.WORKING, "", "Pulling"));
            d.event(layer("202259a9dda8", Status.DONE, "Already exists", "", 0, 0, 100));
            d.event(layer("4c700a4a2508", Status.WORKING, "Pulling fs layer", "", 0, 0, 0));
            d.event(layer("4c700a4a2508", Status.WORKING, "Downloading",
                    "[>                                                  ]  69.21kB/4.001MB", 69206, 4001234, 1));
        }
        assertThat(output()).isEqualTo("""
                 other Skipped\s
                 app Pulling\s
                 202259a9dda8 Already exists\s
                 4c700a4a2508 Pulling fs layer\s
                 4c700a4a2508 Downloading [>                                                  ]  69.21kB/4.001MB
                """);
        assertThat(Captured.read("plain-pull.txt")).contains(output().lines().toList());
    }

    @Test
    void plainWarningIsALogfmtLineWhenStderrIsNotATerminal() {
        DisplayMode mode = DisplayMode.select(null, null, Map.of(), false);
        Ticker.Manual t = Ticker.manual(Instant.parse("2026-11-28T01:00:42Z"), ZoneOffset.UTC);
        try (ProgressDisplay d = ProgressDisplay.open(mode, "Running", err, TerminalSize.DEFAULT, t, false)) {
            d.warning("Found orphan containers ([pgcap7o-worker-1]) for this project. If you removed or renamed "
                    + "this service in your compose file, you can run this command with the --remove-orphans flag "
                    + "to clean it up.");
            d.event(done("Container pgcap7o-web-1", "Running"));
            d.event(working("Container pgcap7o-bad-1", "Starting"));
        }
        String captured = Captured.read("plain-orph.txt");
        assertThat(output()).isEqualTo(captured.substring(0, captured.indexOf("Error response")));
    }

    @Test
    void quietPrintsNothingButWarnings() {
        try (ProgressDisplay d = ProgressDisplay.open(Mode.QUIET, "Running", err, 80, 24, ticker)) {
            d.event(working("Container a", "Creating"));
            d.tailMessage("tail");
            d.warning("careful");
        }
        assertThat(output()).isEqualTo("time=\"2026-11-28T00:00:00Z\" level=warning msg=careful\n");
    }

    @Test
    void terminalTailMessagesFollowTheLastFrame() {
        try (ProgressDisplay d = ProgressDisplay.open(Mode.TTY, "Pulling", err, 40, 24, ticker)) {
            d.event(done("web", "Pulled"));
            d.tailMessage("WARNING: Some service image(s) must be built from source by running:\n    docker compose build web");
            ticker.tick();
            assertThat(output()).doesNotContain("WARNING");
        }
        assertThat(output()).endsWith("\u001b[?25h"
                + "WARNING: Some service image(s) must be built from source by running:\n    docker compose build web\n");
    }

    @Test
    void plainTailMessagesArePrintedAtOnce() {
        try (ProgressDisplay d = ProgressDisplay.open(Mode.PLAIN, "Pushing", err, 80, 24, ticker)) {
            d.tailMessage("Pushing web: denied");
            assertThat(output()).isEqualTo("Pushing web: denied\n");
            d.event(done("web", "Pushed"));
        }
        assertThat(output()).isEqualTo("Pushing web: denied\n web  Pushed\n");
    }

    @Test
    void dryRunPrefixesPlainLinesAndTailMessages() {
        DisplayMode mode = DisplayMode.select(null, "plain", Map.of(), false);
        try (ProgressDisplay d = ProgressDisplay.open(mode, "Stopping", err, TerminalSize.DEFAULT, ticker, true)) {
            d.event(done("Container a", "Stopped"));
            d.tailMessage("bye");
        }
        assertThat(output()).isEqualTo(" DRY-RUN MODE -  Container a  Stopped\n DRY-RUN MODE - bye\n");
    }

    @Test
    void dryRunTailMessageOnTheTerminalIsTrimmed() {
        DisplayMode mode = DisplayMode.select(null, "tty", Map.of(), true);
        try (ProgressDisplay d = ProgressDisplay.open(mode, "Stopping", err, TerminalSize.DEFAULT, ticker, true)) {
            d.event(done("Container a", "Stopped"));
            d.tailMessage("bye");
        }
        assertThat(output()).endsWith("\u001b[?25hDRY-RUN MODE - bye\n");
    }

    @Test
    void closeDrawsTheLastFrameOnceAndStopsRedrawing() {
        ProgressDisplay d = ProgressDisplay.open(Mode.TTY, "Running", err, 40, 24, ticker);
        d.event(done("a", "Started"));
        d.close();
        String afterClose = output();
        ticker.tick();
        d.close();
        assertThat(Captured.distinctFrames(afterClose)).hasSize(1);
        assertThat(output()).isEqualTo(afterClose);
    }

    @Test
    void nothingIsDrawnWithoutEvents() {
        ProgressDisplay.open(Mode.TTY, "Running", err, 40, 24, ticker).close();
        assertThat(output()).isEmpty();
    }

    @Test
    void terminalModeOnANonTerminalFailsAsCompose() {
        DisplayMode mode = DisplayMode.select(null, "tty", Map.of(), false);
        assertThatThrownBy(() -> ProgressDisplay.open(mode, "Running", err, TerminalSize.DEFAULT, ticker, false))
                .isInstanceOf(ComposeException.class)
                .hasMessage("provided file is not a console");
    }

    @Test
    void noColorKeepsTheTerminalDisplayWithoutColors() {
        DisplayMode mode = DisplayMode.select(null, null, Map.of("NO_COLOR", "1"), true);
        try (ProgressDisplay d = ProgressDisplay.open(mode, "Stopping", err, new TerminalSize(60, 24), ticker, false)) {
            d.event(done("Container pgcap7o-web-1", "Stopped"));
        }
        assertThat(output()).isEqualTo("\u001b[1A\u001b[1B\u001b[0G\u001b[?25l[+] Stopping 1/0\n"
                + " ✔ Container pgcap7o-web-1  Stopped" + " ".repeat(20) + "0.0s \n\u001b[?25h");
    }

    private ProgressDisplay upDisplay(Mode mode, int width, boolean quietPull) {
        DisplayMode display = new DisplayMode(mode, true, mode == Mode.TTY, "");
        return ProgressDisplay.open(display, "Running", err, new TerminalSize(width, 30), ticker, false,
                new ProgressDisplay.Pulls(quietPull, 200, true));
    }

    @Test
    void pullsBeforeUpAreADisplayOfTheirOwnAsCompose() {
        try (ProgressDisplay d = upDisplay(Mode.TTY, 120, false)) {
            d.event(new ProgressEvent("app", Status.WORKING, "", "Pulling"));
            tickAt(105);
            tickAt(205);
            tickAt(305);
            at(330);
            d.event(new ProgressEvent("app", Status.DONE, "", "Pulled"));
            at(400);
            d.event(working("Network c4jpull_default", "Creating"));
            tickAt(420);
            at(5500);
            d.event(done("Network c4jpull_default", "Created"));
            d.event(working("Container c4jpull-app-1", "Creating"));
            tickAt(5520);
            at(6200);
            d.event(done("Container c4jpull-app-1", "Created"));
            tickAt(6250);
            d.event(working("Container c4jpull-app-1", "Starting"));
            d.event(done("Container c4jpull-app-1", "Started"));
        }
        assertThat(Captured.distinctFrames(output()))
                .containsExactlyElementsOf(Captured.distinctFrames(Captured.read("tty-up-pull.txt")));
    }

    @Test
    void failedPullEndsWithThePullsLastFrame() {
        try (ProgressDisplay d = upDisplay(Mode.TTY, 80, false)) {
            d.event(new ProgressEvent("app", Status.WORKING, "", "Pulling"));
            tickAt(100);
            d.event(new ProgressEvent("app", Status.ERROR, "manifest unknown", "Error"));
        }
        List<String> frames = Captured.distinctFrames(output());
        assertThat(frames).hasSize(2);
        assertThat(frames.get(1)).contains("[+] Running 1/1").contains("app Error").contains("manifest unknown");
    }

    @Test
    void quietPullLeavesOutLayersButNotTheService() {
        try (ProgressDisplay d = upDisplay(Mode.PLAIN, 80, true)) {
            d.event(new ProgressEvent("app", Status.WORKING, "", "Pulling"));
            d.event(layer("4c700a4a2508", Status.WORKING, "Downloading", "", 69206, 4001234, 1));
            d.event(new ProgressEvent("app", Status.DONE, "", "Pulled"));
        }
        assertThat(output()).isEqualTo(" app Pulling \n app Pulled \n");
    }

    @Test
    void layerProgressTextIsMadeFromItsByteCounts() {
        try (ProgressDisplay d = upDisplay(Mode.PLAIN, 80, false)) {
            d.event(layer("4c700a4a2508", Status.WORKING, "Downloading", "", 69206, 4001234, 1));
            d.event(layer("4c700a4a2508", Status.DONE, "Pull complete", "", 0, 0, 100));
        }
        assertThat(output()).isEqualTo("""
                 4c700a4a2508 Downloading [>                                                  ]  69.21kB/4.001MB
                 4c700a4a2508 Pull complete\s
                """);
    }
}
