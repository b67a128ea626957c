package io.github.compose4j.logs;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The printer is fed before it runs (the queue holds the events), so each test is sequential. */
class LogPrinterTest {
    private final RecordingConsumer consumer = new RecordingConsumer();
    private final LogPrinter printer = new LogPrinter(consumer);
    private final AtomicInteger stops = new AtomicInteger();

    private static StreamEvent.Exit died(String container, String service, int code) {
        return new StreamEvent.Exit(container, container, service, code, true, false, false);
    }

    @Test
    void followedContainersAreRegisteredTheirLinesShownAndTheirExitsReported() {
        printer.handle(new StreamEvent.Attach("a-1", "a-1", "a"));
        printer.handle(new StreamEvent.Lines("a-1", "a-1", false, List.of("hello")));
        printer.handle(new StreamEvent.Lines("a-1", "a-1", true, List.of("oops")));
        printer.handle(died("a-1", "a", 2));

        assertThat(printer.run(false, "", stops::incrementAndGet)).isZero();
        assertThat(consumer.seen()).containsExactly("register a-1", "out a-1: hello", "err a-1: oops",
            "status a-1: exited with code 2");
    }

    @Test
    void itReturnsWhenTheLastFollowedContainerHasEnded() {
        printer.handle(new StreamEvent.Attach("a-1", "a-1", "a"));
        printer.handle(new StreamEvent.Attach("b-1", "b-1", "b"));
        printer.handle(died("a-1", "a", 0));
        printer.handle(died("b-1", "b", 0));
        printer.handle(new StreamEvent.Lines("late-1", "late-1", false, List.of("never shown")));

        printer.run(false, "", stops::incrementAndGet);

        assertThat(consumer.seen()).doesNotContain("out late-1: never shown");
    }

    @Test
    void cascadeStopStopsOnceAtTheFirstExitAndReturnsItsCode() {
        printer.handle(new StreamEvent.Attach("a-1", "a-1", "a"));
        printer.handle(new StreamEvent.Attach("b-1", "b-1", "b"));
        printer.handle(died("a-1", "a", 3));
        printer.handle(new StreamEvent.Lines("b-1", "b-1", false, List.of("after the abort")));
        printer.handle(died("b-1", "b", 143));

        assertThat(printer.run(true, "", stops::incrementAndGet)).isEqualTo(3);
        assertThat(stops).hasValue(1);
        assertThat(consumer.seen()).containsExactly("register a-1", "register b-1", "status a-1: exited with code 3");
    }

    @Test
    void exitCodeFromTakesTheNamedServicesCodeEvenWhenItIsStoppedByTheAbort() {
        printer.handle(new StreamEvent.Attach("a-1", "a-1", "a"));
        printer.handle(new StreamEvent.Attach("t-1", "t-1", "test"));
        printer.handle(died("a-1", "a", 42));
        printer.handle(died("t-1", "test", 143));

        assertThat(printer.run(true, "test", stops::incrementAndGet)).isEqualTo(143);
    }

    @Test
    void afterACancelNothingMoreIsShown() {
        printer.handle(new StreamEvent.Attach("a-1", "a-1", "a"));
        printer.cancel();
        printer.handle(new StreamEvent.Lines("a-1", "a-1", false, List.of("hidden")));
        printer.handle(died("a-1", "a", 137));

        printer.run(false, "", stops::incrementAndGet);

        assertThat(consumer.seen()).containsExactly("register a-1");
    }

    @Test
    void aRestartingContainerIsStillFollowed() {
        printer.handle(new StreamEvent.Attach("a-1", "a-1", "a"));
        printer.handle(new StreamEvent.Exit("a-1", "a-1", "a", 1, true, false, true));
        printer.handle(new StreamEvent.Lines("a-1", "a-1", false, List.of("second run")));
        printer.finish();

        printer.run(false, "", stops::incrementAndGet);

        assertThat(consumer.seen()).contains("out a-1: second run");
    }

    @Test
    void runToFinishKeepsGoingAfterExitsUntilFinished() {
        printer.handle(new StreamEvent.Attach("a-1", "a-1", "a"));
        printer.handle(died("a-1", "a", 0));
        printer.handle(new StreamEvent.Lines("b-1", "b-1", false, List.of("still shown")));
        printer.finish();

        printer.runToFinish();

        assertThat(consumer.seen()).endsWith("status a-1: exited with code 0", "out b-1: still shown");
    }

    @Test
    void aStoppedPrinterDropsWhatIsHandedToIt() {
        printer.stop();
        printer.handle(new StreamEvent.Lines("a-1", "a-1", false, List.of("dropped")));

        printer.runToFinish();

        assertThat(consumer.seen()).isEmpty();
    }
}
