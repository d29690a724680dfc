package org.dcplanner.consolidation.planning.solver;

import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

import org.optaplanner.core.api.score.director.ScoreDirector;
import org.optaplanner.core.impl.phase.custom.CustomPhaseCommand;

/**
 * OptaPlanner custom phase running {@link HostEliminationSearch} on the working solution until its own
 * deadline, then writing the improved placement back through the score director.
 */
final class HostEliminationPhase implements CustomPhaseCommand<ConsolidationSolution> {
    private final long deadlineNanos;
    private final BooleanSupplier stopRequested;
    private final Consumer<int[]> onImproved;
    private final long seed;
    private final int lowerBound;

    HostEliminationPhase(long deadlineNanos, BooleanSupplier stopRequested, Consumer<int[]> onImproved, long seed,
                         int lowerBound) {
        this.deadlineNanos = deadlineNanos;
        this.stopRequested = stopRequested;
        this.onImproved = onImproved;
        this.seed = seed;
        this.lowerBound = lowerBound;
    }

    @Override
    public void changeWorkingSolution(ScoreDirector<ConsolidationSolution> scoreDirector) {
        ConsolidationSolution solution = scoreDirector.getWorkingSolution();
        int[] current = solution.vmSlots();
        for (int slot : current) {
            if (slot < 0) {
                return;
            }
        }
        HostEliminationSearch search = new HostEliminationSearch(solution.getModel(), current, seed, lowerBound);
        int[] best = search.run(deadlineNanos, stopRequested, onImproved);
        solution.getModel().evaluations().add(search.evaluations());
        for (VmAssignment a : solution.getAssignments()) {
            int vm = a.getVmIndex();
            if (best[vm] != current[vm]) {
                scoreDirector.beforeVariableChanged(a, "host");
                a.setHost(solution.getHostSlots().get(best[vm]));
                scoreDirector.afterVariableChanged(a, "host");
            }
        }
        scoreDirector.triggerVariableListeners();
    }
}
