package io.github.compose4j.cli.render;

import io.github.compose4j.cli.render.ProgressState.Task;
import io.github.compose4j.event.ProgressEvent.Status;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** Golden frames, at fixed times, for each rule of Compose's terminal layout. */
class ProgressFrameTest {
    private static final Instant T0 = Instant.parse("2026-11-28T00:00:00Z");
    private static final String TIMER_0 = "\u001b[34m0.0s \u001b[0m";

    private static Instant at(long millis) {
        return T0.plusMillis(millis);
    }

    private static Task task(String id, Status status, String statusText, long startMillis) {
        Optional<Instant> end = status == Status.WORKING ? Optional.empty() : Optional.of(at(startMillis));
        return new Task(id, "", status, "", statusText, 0, 0, 0, at(startMillis), end, 0);
    }

    private static Task task(String id, String text, Status status, String statusText) {
        Optional<Instant> end = status == Status.WORKING ? Optional.empty() : Optional.of(T0);
        return new Task(id, "", status, text, statusText, 0, 0, 0, T0, end, 0);
    }

    private static Task layer(String id, String parent, Status status, String text, long current, long total, int percent) {
        Optional<Instant> end = status == Status.WORKING ? Optional.empty() : Optional.of(T0);
        return new Task(id, parent, status, text, "", current, total, percent, T0, end, 0);
    }

    private static ProgressState state(List<Task> tasks) {
        return new ProgressState("Running", tasks, 0, false, false, false, Palette.COLORS);
    }

    private static ProgressState redrawn(List<Task> tasks, int previousLines) {
        return new ProgressState("Running", tasks, previousLines, true, false, false, Palette.COLORS);
    }

    @Test
    void workingLineHasYellowSpinnerPlainStatusAndRightAlignedTimer() {
        ProgressFrame f = ProgressFrame.render(state(List.of(task("id", "Text", Status.WORKING, "Status"))), 50, 24, T0);
        assertThat(f.lines()).containsExactly(" \u001b[33m⠋\u001b[0m id Text Status" + " ".repeat(28) + TIMER_0);
    }

    @Test
    void doneLineHasGreenCheckAndGreenStatus() {
        ProgressFrame f = ProgressFrame.render(state(List.of(task("id", "Text", Status.DONE, "Status"))), 50, 24, T0);
        assertThat(f.lines()).containsExactly(" \u001b[32m✔\u001b[0m id Text \u001b[32mStatus\u001b[0m" + " ".repeat(28) + TIMER_0);
    }

    @Test
    void errorLineHasBoldRedCross() {
        ProgressFrame f = ProgressFrame.render(state(List.of(task("id", "Text", Status.ERROR, "Status"))), 50, 24, T0);
        assertThat(f.lines()).containsExactly(
                " \u001b[31m\u001b[1m✘\u001b[0m id Text \u001b[31m\u001b[1mStatus\u001b[0m" + " ".repeat(28) + TIMER_0);
    }

    @Test
    void warningLineHasBoldYellowBang() {
        ProgressFrame f = ProgressFrame.render(state(List.of(task("id", "Text", Status.WARNING, "Status"))), 50, 24, T0);
        assertThat(f.lines()).containsExactly(
                " \u001b[33m\u001b[1m!\u001b[0m id Text \u001b[33m\u001b[1mStatus\u001b[0m" + " ".repeat(28) + TIMER_0);
    }

    @Test
    void emptyDoneStatusStillGetsItsColorCodes() {
        ProgressFrame f = ProgressFrame.render(state(List.of(task("other", "Skipped", Status.DONE, ""))), 30, 24, T0);
        assertThat(f.lines()).containsExactly(" \u001b[32m✔\u001b[0m other Skipped \u001b[32m\u001b[0m" + " ".repeat(8) + TIMER_0);
    }

    @Test
    void firstFrameMovesUpAndDownOneLineThenToColumnZero() {
        ProgressFrame f = ProgressFrame.render(state(List.of(task("a", Status.WORKING, "Creating", 0))), 0, 24, T0);
        assertThat(f.ansi()).isEqualTo("\u001b[1A\u001b[1B\u001b[0G\u001b[?25l[+] Running 0/0\n"
                + " \u001b[33m⠋\u001b[0m a  Creating\u001b[34m0.0s \u001b[0m\n\u001b[?25h");
        assertThat(f.lineCount()).isEqualTo(1);
    }

    @Test
    void laterFramesMoveUpOverThePreviousFrameAndItsHeader() {
        ProgressFrame f = ProgressFrame.render(redrawn(List.of(task("a", Status.WORKING, "Creating", 0)), 1), 0, 24, T0);
        assertThat(f.ansi()).startsWith("\u001b[1A\u001b[1A\u001b[0G\u001b[?25l[+] Running 0/1\n");
    }

    @Test
    void headerCountsDoneTasksAgainstThePreviousFrameLines() {
        List<Task> tasks = List.of(task("a", Status.DONE, "Created", 0), task("b", Status.DONE, "Created", 0),
                task("c", Status.WORKING, "Creating", 0));
        assertThat(ProgressFrame.render(state(tasks), 0, 24, T0).header()).isEqualTo("[+] Running 2/0");
        assertThat(ProgressFrame.render(redrawn(tasks, 3), 0, 24, T0).header()).isEqualTo("[+] Running 2/3");
    }

    @Test
    void headerTurnsBlueWhenDoneTasksReachThePreviousLineCount() {
        List<Task> tasks = List.of(task("a", Status.DONE, "Created", 0), task("b", Status.WORKING, "Creating", 0));
        assertThat(ProgressFrame.render(redrawn(tasks, 1), 0, 24, T0).header())
                .isEqualTo("\u001b[34m[+] Running 1/1\u001b[0m");
    }

    @Test
    void statusColumnIsPaddedToTheLongestIdAndText() {
        List<Task> tasks = List.of(task("Network n", Status.DONE, "Created", 0), task("Container long-1", Status.DONE, "Created", 0));
        ProgressFrame f = ProgressFrame.render(state(tasks), 0, 24, T0);
        assertThat(f.lines().get(0)).startsWith(" \u001b[32m✔\u001b[0m Network n" + " ".repeat(9) + "\u001b[32mCreated");
        assertThat(f.lines().get(1)).startsWith(" \u001b[32m✔\u001b[0m Container long-1  \u001b[32mCreated");
    }

    @Test
    void spinnerStaysOnItsFrameDuringTheFirst100Milliseconds() {
        ProgressFrame f = ProgressFrame.render(state(List.of(task("a", Status.WORKING, "Creating", 0))), 0, 24, at(100));
        assertThat(f.lines().get(0)).startsWith(" \u001b[33m⠋\u001b[0m");
        assertThat(f.spinners()).containsEntry("a", 0);
    }

    @Test
    void spinnerMovesOnEachFrameOnceOlderThan100Milliseconds() {
        Task a = new Task("a", "", Status.WORKING, "", "Stopping", 0, 0, 0, T0, Optional.empty(), 9);
        ProgressFrame f = ProgressFrame.render(state(List.of(a)), 0, 24, at(101));
        assertThat(f.lines().get(0)).startsWith(" \u001b[33m⠋\u001b[0m");
        assertThat(f.spinners()).containsEntry("a", 0);
        Task b = new Task("a", "", Status.WORKING, "", "Stopping", 0, 0, 0, T0, Optional.empty(), 3);
        assertThat(ProgressFrame.render(state(List.of(b)), 0, 24, at(5000)).lines().get(0)).startsWith(" \u001b[33m⠼\u001b[0m");
    }

    @Test
    void workingTimerRunsAndStoppedTimerShowsTheWorkDuration() {
        Task working = task("a", Status.WORKING, "Stopping", 0);
        Task done = new Task("b", "", Status.DONE, "", "Stopped", 0, 0, 0, at(0), Optional.of(at(10_340)), 0);
        ProgressFrame f = ProgressFrame.render(state(List.of(working, done)), 0, 24, at(9_960));
        assertThat(f.lines().get(0)).endsWith("\u001b[34m10.0s \u001b[0m");
        assertThat(f.lines().get(1)).endsWith("\u001b[34m10.3s \u001b[0m");
    }

    @Test
    void timerGrowingToTwoDigitsTakesOneColumnFromThePadding() {
        Task a = task("a", Status.WORKING, "Stopping", 0);
        String nine = ProgressFrame.render(state(List.of(a)), 40, 24, at(9_940)).lines().get(0);
        String ten = ProgressFrame.render(state(List.of(a)), 40, 24, at(9_960)).lines().get(0);
        assertThat(nine).contains("Stopping" + " ".repeat(21) + "\u001b[34m9.9s");
        assertThat(ten).contains("Stopping" + " ".repeat(20) + "\u001b[34m10.0s");
    }

    @Test
    void timerRoundsHalfToEvenOnTheExactValue() {
        Task a = task("a", Status.WORKING, "Stopping", 0);
        assertThat(ProgressFrame.render(state(List.of(a)), 0, 24, at(250)).lines().get(0)).endsWith("0.2s \u001b[0m");
        assertThat(ProgressFrame.render(state(List.of(a)), 0, 24, at(750)).lines().get(0)).endsWith("0.8s \u001b[0m");
    }

    @Test
    void warningReportedFirstShowsNoDuration() {
        Task w = new Task("a", "", Status.WARNING, "", "Skipped: no", 0, 0, 0, T0, Optional.empty(), 0);
        assertThat(ProgressFrame.render(state(List.of(w)), 0, 24, at(5_000)).lines().get(0)).endsWith(TIMER_0);
    }

    @Test
    void longStatusIsCutToFitTheWidthWithAnEllipsis() {
        Task a = task("a", Status.ERROR, "Error response from daemon: something went very wrong", 0);
        String line = ProgressFrame.render(state(List.of(a)), 40, 24, T0).lines().get(0);
        assertThat(line).contains("\u001b[31m\u001b[1mError response from d...\u001b[0m");
    }

    @Test
    void blankLinesCoverWhatThePreviousFrameDrewBelow() {
        ProgressFrame f = ProgressFrame.render(redrawn(List.of(task("a", Status.DONE, "Removed", 0)), 3), 10, 24, T0);
        assertThat(f.lines()).hasSize(3);
        assertThat(f.lines().subList(1, 3)).containsOnly(" ".repeat(10));
        assertThat(f.lineCount()).isEqualTo(3);
    }

    @Test
    void blankLinesStopTwoLinesAboveTheScreenHeight() {
        ProgressFrame f = ProgressFrame.render(redrawn(List.of(task("a", Status.DONE, "Removed", 0)), 6), 10, 5, T0);
        assertThat(f.lines()).hasSize(3);
        assertThat(f.lineCount()).isEqualTo(3);
    }

    @Test
    void workingParentShowsTheCompletionOfItsLayers() {
        List<Task> tasks = List.of(task("app", "Pulling", Status.WORKING, ""),
                layer("l1", "app", Status.DONE, "Already exists", 0, 0, 100),
                layer("l2", "app", Status.WORKING, "Downloading", 12_300_000, 40_000_000, 30),
                layer("l3", "app", Status.WORKING, "Downloading", 0, 5_000, 0));
        String line = ProgressFrame.render(state(tasks), 0, 24, T0).lines().get(0);
        assertThat(line).startsWith(" \u001b[33m⠋\u001b[0m app [\u001b[32m⣿⣀⠀\u001b[0m]  12.3MB / 40.01MB Pulling ");
    }

    @Test
    void layerBarHidesSizesWhileAWorkingLayerHasNoTotal() {
        List<Task> tasks = List.of(task("app", "Pulling", Status.WORKING, ""),
                layer("l1", "app", Status.WORKING, "Downloading", 100, 1_000, 10),
                layer("l2", "app", Status.WORKING, "Pulling fs layer", 0, 0, 0));
        String line = ProgressFrame.render(state(tasks), 0, 24, T0).lines().get(0);
        assertThat(line).startsWith(" \u001b[33m⠋\u001b[0m app [\u001b[32m⠀⠀\u001b[0m] Pulling ");
    }

    @Test
    void doneParentShowsNoBar() {
        List<Task> tasks = List.of(task("app", "Pulled", Status.DONE, ""),
                layer("l1", "app", Status.DONE, "Pull complete", 10, 10, 100));
        assertThat(ProgressFrame.render(state(tasks), 0, 24, T0).lines().get(0))
                .startsWith(" \u001b[32m✔\u001b[0m app Pulled ");
    }

    @Test
    void layersAreIndentedUnderTheirParentAndShrinkTheStatusColumn() {
        List<Task> tasks = List.of(task("other", "Skipped", Status.DONE, ""),
                task("app", "Pulled", Status.DONE, ""),
                layer("202259a9dda8", "app", Status.DONE, "Already exists", 0, 0, 100),
                layer("4c700a4a2508", "app", Status.DONE, "Pull complete", 0, 0, 100));
        List<String> lines = ProgressFrame.render(state(tasks), 0, 24, T0).lines();
        // The column is the widest "id text" seen so far, minus 2 after each layer: max(27 - 2, 26) - 2 = 24.
        assertThat(lines).containsExactly(
                " \u001b[32m✔\u001b[0m other Skipped" + " ".repeat(11) + " \u001b[32m\u001b[0m" + TIMER_0,
                " \u001b[32m✔\u001b[0m app Pulled" + " ".repeat(14) + " \u001b[32m\u001b[0m" + TIMER_0,
                "   \u001b[32m✔\u001b[0m 202259a9dda8 Already exists \u001b[32m\u001b[0m" + TIMER_0,
                "   \u001b[32m✔\u001b[0m 4c700a4a2508 Pull complete \u001b[32m\u001b[0m" + TIMER_0);
    }

    @Test
    void layersAreHiddenWhenTasksOutnumberTheScreenAndStayHidden() {
        List<Task> tasks = List.of(task("app", "Pulling", Status.WORKING, ""),
                layer("l1", "app", Status.WORKING, "Waiting", 0, 0, 0),
                layer("l2", "app", Status.WORKING, "Waiting", 0, 0, 0));
        ProgressFrame small = ProgressFrame.render(state(tasks), 0, 4, T0);
        assertThat(small.lines()).hasSize(1);
        assertThat(small.skipChildren()).isTrue();
        ProgressState sticky = new ProgressState("Pulling", tasks, 1, true, true, false, Palette.COLORS);
        assertThat(ProgressFrame.render(sticky, 0, 40, T0).lines()).hasSize(1);
        assertThat(ProgressFrame.render(state(tasks), 0, 5, T0).lines()).hasSize(3);
    }

    @Test
    void layerOfAnUnknownParentIsNotDrawn() {
        List<Task> tasks = List.of(task("a", Status.DONE, "Created", 0), layer("l1", "ghost", Status.WORKING, "Waiting", 0, 0, 0));
        assertThat(ProgressFrame.render(state(tasks), 0, 24, T0).lines()).hasSize(1);
    }

    @Test
    void dryRunPrefixFollowsTheMark() {
        ProgressState s = new ProgressState("Stopping", List.of(task("Container a", Status.DONE, "Stopped", 0)), 0, false,
                false, true, Palette.COLORS);
        assertThat(ProgressFrame.render(s, 0, 24, T0).lines().get(0))
                .startsWith(" \u001b[32m✔\u001b[0m\u001b[36m DRY-RUN MODE - \u001b[0m Container a  \u001b[32mStopped");
    }

    @Test
    void withoutColorsOnlyCursorMovementsRemain() {
        ProgressState s = new ProgressState("Running", List.of(task("a", Status.WORKING, "Creating", 0)), 2, true, false,
                false, Palette.NONE);
        assertThat(ProgressFrame.render(s, 40, 24, T0).ansi()).isEqualTo("\u001b[1A\u001b[1A\u001b[1A\u001b[0G\u001b[?25l"
                + "[+] Running 0/2\n ⠋ a  Creating" + " ".repeat(21) + "0.0s \n" + " ".repeat(40) + "\n\u001b[?25h");
    }

    @Test
    void noTasksDrawNothing() {
        ProgressFrame f = ProgressFrame.render(state(List.of()), 80, 24, T0);
        assertThat(f.ansi()).isEmpty();
    }
}
