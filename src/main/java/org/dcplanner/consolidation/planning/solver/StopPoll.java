package org.dcplanner.consolidation.planning.solver;

import java.util.function.BooleanSupplier;

/** Deadline and stop-request check; the stop request is polled at most every half second. */
public final class StopPoll {
    private final long deadlineNanos;
    private final BooleanSupplier stopRequested;
    private long nextPoll;

    public StopPoll(long deadlineNanos, BooleanSupplier stopRequested) {
        this.deadlineNanos = deadlineNanos;
        this.stopRequested = stopRequested;
        this.nextPoll = System.nanoTime();
    }

    public boolean stop() {
        long now = System.nanoTime();
        if (now >= deadlineNanos) {
            return true;
        }
        if (now >= nextPoll) {
            nextPoll = now + 500_000_000L;
            return stopRequested.getAsBoolean();
        }
        return false;
    }
}
