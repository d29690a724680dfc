package org.dcplanner.consolidation.planning.solver;

import java.util.function.BooleanSupplier;

/** Deadline and stop-request check; the stop request (cheap: it rate-limits its own database reads) is polled every 20 ms. */
public final class StopPoll {
    private final long deadlineNanos;
    private final BooleanSupplier stopRequested;
    private long nextPoll;
    private boolean stopped;

    /** Only the stop request, no deadline: for the loops before the search (references, construction, sizing). */
    public static StopPoll onRequest(BooleanSupplier stopRequested) {
        return new StopPoll(Long.MAX_VALUE, stopRequested == null ? () -> false : stopRequested);
    }

    /** Never stops (callers without a stop request). */
    public static StopPoll never() {
        return onRequest(() -> false);
    }

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

    /** Throws {@link SolveStopped} once {@link #stop} is true: for loops whose partial work is of no use. */
    public void check() {
        if (stop()) throw new SolveStopped();
    }
}
