package org.dcplanner.consolidation.planning.solver;

import java.util.function.BooleanSupplier;

/** Deadline and stop-request check; the stop request (cheap: it rate-limits its own database reads) is polled every 20 ms. */
final class StopPoll {
    private final long deadlineNanos;
    private final BooleanSupplier stopRequested;
    private long nextPoll;

    StopPoll(long deadlineNanos, BooleanSupplier stopRequested) {
        this.deadlineNanos = deadlineNanos;
        this.stopRequested = stopRequested;
        this.nextPoll = System.nanoTime();
    }

    boolean stop() {
        long now = System.nanoTime();
        if (now >= deadlineNanos) {
            return true;
        }
        if (now >= nextPoll) {
            nextPoll = now + 20_000_000L;
            return stopRequested.getAsBoolean();
        }
        return false;
    }
}
