package org.dcplanner.consolidation.planning.solver;

import java.time.Duration;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

/**
 * How long to solve, how to be stopped, and where to report each new best solution.
 *
 * @param stopRequested polled by the solver (about every second); true ends solving with the best so far
 * @param onNewBest     called with each new best solution (from the solver's thread)
 */
public record SolveOptions(Duration timeLimit, BooleanSupplier stopRequested, Consumer<SolveProgress> onNewBest) {

    /** A new best solution: its host count, score, elapsed time and the assignment (VM index to slot index). */
    public record SolveProgress(int hostsUsed, String score, boolean feasible, long elapsedMillis, int[] vmSlot) {
    }
}
