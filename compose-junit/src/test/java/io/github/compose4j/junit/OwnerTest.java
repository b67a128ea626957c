package io.github.compose4j.junit;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The owner label of a stack: written and read back, and judged alive or dead by pid and start time. */
class OwnerTest {
    @Test
    void theLabelReadsBack() {
        Owner o = new Owner("build-7", 4242, 1_700_000_000_123L);

        assertThat(Owner.parse(o.label())).contains(o);
    }

    @Test
    void aMalformedLabelIsNotAnOwner() {
        assertThat(Owner.parse("nonsense")).isEmpty();
        assertThat(Owner.parse("h/x@1")).isEmpty();
    }

    @Test
    void thisJvmIsAlive() {
        assertThat(Owner.current().isDeadHere()).isFalse();
    }

    @Test
    void aProcessWithTheSamePidButAnotherStartTimeIsNotTheOwner() {
        Owner current = Owner.current();

        assertThat(new Owner(current.host(), current.pid(), current.startMillis() - 1000).isDeadHere()).isTrue();
    }

    @Test
    void anOwnerOnAnotherHostIsNeverJudged() {
        assertThat(new Owner("elsewhere.invalid", Long.MAX_VALUE, 0).isDeadHere()).isFalse();
    }
}
