package io.github.compose4j.cli;

import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class ProcessSignalsTest {
    @Test
    void runForwardsTheTerminatingAndJobControlSignalsButNeverTheJvmsQuit() {
        assertThat(ProcessSignals.forwarding(false, Map.of()).signals())
                .contains("INT", "TERM", "HUP", "USR1", "TSTP", "WINCH").doesNotContain("QUIT", "CHLD", "PIPE", "URG");
    }

    @Test
    void execWithATtyListensOnlyForResizes() {
        assertThat(ProcessSignals.resizingOnly(true, Map.of()).signals()).containsExactly("WINCH");
    }

    @Test
    void execWithoutATtyLeavesEverySignalAlone() {
        assertThat(ProcessSignals.resizingOnly(false, Map.of()).signals()).isEmpty();
    }
}
