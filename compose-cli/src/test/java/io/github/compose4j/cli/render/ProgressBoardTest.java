package io.github.compose4j.cli.render;

import io.github.compose4j.cli.render.ProgressState.Task;
import io.github.compose4j.event.ProgressEvent;
import io.github.compose4j.event.ProgressEvent.Status;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import static io.github.compose4j.event.ProgressEvent.done;
import static io.github.compose4j.event.ProgressEvent.working;
import static org.assertj.core.api.Assertions.assertThat;

/** How events update the tasks a terminal display shows. */
class ProgressBoardTest {
    private static final Instant T0 = Instant.parse("2026-11-28T00:00:00Z");
    private final ProgressBoard board = new ProgressBoard("Running", false, Palette.COLORS);

    private Task only() {
        List<Task> tasks = board.state().tasks();
        assertThat(tasks).hasSize(1);
        return tasks.get(0);
    }

    @Test
    void tasksKeepTheOrderOfTheirFirstEvent() {
        board.apply(working("b", "Creating"), T0);
        board.apply(working("a", "Creating"), T0);
        board.apply(done("b", "Created"), T0);
        assertThat(board.state().tasks()).extracting(Task::id).containsExactly("b", "a");
    }

    @Test
    void firstDoneStopsTheClock() {
        board.apply(working("a", "Stopping"), T0);
        board.apply(done("a", "Stopped"), T0.plusMillis(300));
        board.apply(done("a", "Removed"), T0.plusMillis(900));
        assertThat(only().end()).contains(T0.plusMillis(300));
        assertThat(only().statusText()).isEqualTo("Removed");
    }

    @Test
    void workingAfterDoneIsIgnored() {
        board.apply(done("a", "Created"), T0);
        board.apply(working("a", "Starting"), T0.plusMillis(100));
        assertThat(only().status()).isEqualTo(Status.DONE);
        assertThat(only().statusText()).isEqualTo("Created");
    }

    @Test
    void doneWhileMoreWorkFollowsKeepsAKnownTaskWorking() {
        board.hasMore(true);
        board.apply(working("a", "Creating"), T0);
        board.apply(done("a", "Created"), T0.plusMillis(100));
        assertThat(only().status()).isEqualTo(Status.WORKING);
        assertThat(only().statusText()).isEqualTo("Created");
        assertThat(only().end()).isEmpty();
    }

    @Test
    void doneWhileMoreWorkFollowsStillEndsANewTask() {
        board.hasMore(true);
        board.apply(done("a", "Running"), T0);
        assertThat(only().status()).isEqualTo(Status.DONE);
        assertThat(only().end()).contains(T0);
    }

    @Test
    void newWarningDoesNotStopTheClockButAWorkingEventCanResumeIt() {
        board.apply(ProgressEvent.warning("a", "Skipped"), T0);
        assertThat(only().end()).isEmpty();
        board.apply(working("a", "Retrying"), T0.plusMillis(10));
        assertThat(only().status()).isEqualTo(Status.WORKING);
    }

    @Test
    void byteCountsAndPercentOnlyGrow() {
        board.apply(working("l", "").withProgress(500, 1000, 50), T0);
        board.apply(working("l", "").withProgress(0, 0, 0), T0);
        assertThat(only()).extracting(Task::current, Task::total, Task::percent).containsExactly(500L, 1000L, 50);
    }

    @Test
    void parentCanBeSetOrClearedButNotSwapped() {
        board.apply(working("l", "").withParent("app"), T0);
        board.apply(working("l", "").withParent("db"), T0);
        assertThat(only().parentId()).isEqualTo("app");
        board.apply(working("l", ""), T0);
        assertThat(only().parentId()).isEmpty();
        board.apply(working("l", "").withParent("db"), T0);
        assertThat(only().parentId()).isEqualTo("db");
    }

    @Test
    void drawnFrameIsRememberedForTheNextOne() {
        board.apply(working("a", "Creating"), T0);
        ProgressFrame frame = ProgressFrame.render(board.state(), 80, 24, T0.plusMillis(200));
        board.drawn(frame);
        ProgressState next = board.state();
        assertThat(next.previousLines()).isEqualTo(1);
        assertThat(next.redrawn()).isTrue();
        assertThat(next.tasks().get(0).spinner()).isEqualTo(1);
        assertThat(next.tasks().get(0).end()).isEqualTo(Optional.empty());
    }
}
