package org.dcplanner.consolidation.planning.solver;

import java.util.function.BooleanSupplier;

/** Deadline and stop-request check; the stop request (cheap: it rate-limits its own database reads) is polled every 20 ms. */
public final class StopPoll {
    private final long deadlineNanos;
    private final BooleanSupplier stopRequested;
    private long nextPoll;
    private boolean stopped;

    public StopPoll(long deadlineNanos, BooleanSupplier stopRequested) {
        this.deadlineNanos = deadlineNanos;
        this.stopRequested = stopRequested;
        this.nextPoll = System.nanoTime();
    }

    /** True from the deadline or the first poll that saw a stop request on (it stays true). */
    public boolean stop() {
        if (stopped) return true;
        long now = System.nanoTime();
        if (now >= deadlineNanos) {
            stopped = true;
        } else if (now >= nextPoll) {
            nextPoll = now + 20_000_000L;
            stopped = stopRequested.getAsBoolean();
        }
        return stopped;
    }
}
