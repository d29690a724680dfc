package org.dcplanner.consolidation.planning.internal;

import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import org.dcplanner.consolidation.planning.internal.PlanRecord.ProgressPoint;
import org.dcplanner.consolidation.planning.solver.SolveOptions.SolveProgress;

/**
 * Persists new best solutions while solving, at most once per interval: the latest pending best is
 * written by the next callback or poll after the interval has passed, and by {@link #flush} at the end.
 */
final class BestSolutionWriter {
    private final PlanRepository plans;
    private final UUID planId;
    private final int attempt;
    private final long intervalNanos;
    private final AtomicReference<SolveProgress> pending = new AtomicReference<>();
    private long lastWriteNanos;
    private ProgressPoint lastWritten;

    BestSolutionWriter(PlanRepository plans, UUID planId, int attempt, Duration interval) {
        this.plans = plans;
        this.planId = planId;
        this.attempt = attempt;
        this.intervalNanos = interval.toNanos();
        this.lastWriteNanos = System.nanoTime() - intervalNanos;
    }

    /** Solver callback: remember, and write if the interval has passed. */
    void onNewBest(SolveProgress progress) {
        pending.set(progress);
        writeIfDue();
    }

    synchronized void writeIfDue() {
        if (System.nanoTime() - lastWriteNanos >= intervalNanos) flush();
    }

    synchronized void flush() {
        SolveProgress p = pending.getAndSet(null);
        if (p == null) return;
        write(p.vmSlot(), new ProgressPoint(attempt, p.elapsedMillis(), p.hostsUsed(), p.score(), p.feasible()));
    }

    /** The solver's final answer as the last progress point, unless it is the best already written. */
    synchronized void finalResult(int[] vmSlot, int hostsUsed, String score, boolean feasible, long elapsedMillis) {
        flush();
        if (lastWritten != null
                && lastWritten.hostsUsed() == hostsUsed
                && lastWritten.score().equals(score)) return;
        write(vmSlot, new ProgressPoint(attempt, elapsedMillis, hostsUsed, score, feasible));
    }

    private void write(int[] vmSlot, ProgressPoint point) {
        plans.saveBest(planId, attempt, vmSlot, point);
        lastWritten = point;
        lastWriteNanos = System.nanoTime();
    }
}
