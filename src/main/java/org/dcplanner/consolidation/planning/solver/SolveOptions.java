package org.dcplanner.consolidation.planning.solver;

import java.time.Duration;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import org.dcplanner.consolidation.planning.solver.start.ReferencePlacements;

/**
 * How long to solve, how to be stopped, where to report each new best solution, and optionally where to start
 * and the references already computed for the problem.
 *
 * @param stopRequested   polled by the solver (every 20-50 ms in every phase); true ends solving with the best so
 *                        far ({@link ConsolidationSolver#solve} says what that is before the search)
 * @param onNewBest       called with each new best solution (from the solver's thread)
 * @param startAssignment a placement to start from (per VM its slot), or null; it must fit the problem
 *                        ({@link StartAssignment#fits}); the solver starts from the better-scoring of it and its
 *                        own construction, so the result never scores worse than this placement
 * @param references      the problem's lower bound and FFD placements ({@link ReferencePlacements#of}) when the
 *                        caller already computed them, or null (the solver computes them)
 */
public record SolveOptions(
        Duration timeLimit,
        BooleanSupplier stopRequested,
        Consumer<SolveProgress> onNewBest,
        int[] startAssignment,
        ReferencePlacements references) {

    /** A cold start: the solver computes its references and constructs its own start. */
    public SolveOptions(Duration timeLimit, BooleanSupplier stopRequested, Consumer<SolveProgress> onNewBest) {
        this(timeLimit, stopRequested, onNewBest, null, null);
    }

    /** A new best solution: its host count, score, elapsed time and the assignment (VM index to slot index). */
    public record SolveProgress(int hostsUsed, String score, boolean feasible, long elapsedMillis, int[] vmSlot) {}
}
