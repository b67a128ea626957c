package io.github.compose4j.junit;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/** Lets the two parallel test classes prove that their stacks were up at the same time. */
final class Rendezvous {
    private static final CountDownLatch BOTH_UP = new CountDownLatch(2);

    private Rendezvous() {
    }

    /** Arrives, then waits (a bound, not a measure) for the other class: true once both stacks are up together. */
    static boolean arriveAndAwaitOther() throws InterruptedException {
        BOTH_UP.countDown();
        return BOTH_UP.await(120, TimeUnit.SECONDS);
    }
}
