package org.dcplanner.consolidation.planning.solver.search;

import java.util.concurrent.atomic.LongAdder;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import org.dcplanner.consolidation.planning.solver.StopPoll;
import org.dcplanner.consolidation.planning.solver.domain.ConsolidationSolution;
import org.dcplanner.consolidation.planning.solver.domain.DemandModel;
import org.dcplanner.consolidation.planning.solver.domain.VmAssignment;
import org.optaplanner.core.api.score.director.ScoreDirector;
import org.optaplanner.core.impl.phase.custom.CustomPhaseCommand;

/**
 * OptaPlanner custom phase running one of the searches on plain placements ({@link HostEliminationSearch},
 * {@link BalanceSearch}) from the working solution, then writing its result back through the score director.
 * The searches run outside OptaPlanner's move loop because they need what its phases do not offer: undoable
 * chains of moves through infeasible placements judged by a weighted overflow that is not the score
 * (host emptying), and read-only screening of every move and swap of a host on peak loads before one is applied
 * (balancing). OptaPlanner's own late-acceptance change/swap search still runs after them.
 */
public final class CustomSearchPhase implements CustomPhaseCommand<ConsolidationSolution> {
    /** A search from a complete placement; returns the placement to keep and counts its move evaluations. */
    interface ArraySearch {
        int[] run(DemandModel model, int[] start, LongAdder evaluations);
    }

    private final ArraySearch search;

    CustomSearchPhase(ArraySearch search) {
        this.search = search;
    }

    /** Host emptying until its deadline, a stop request or the bound; {@code onImproved} gets each host removed. */
    public static CustomSearchPhase hostElimination(
            long deadlineNanos, BooleanSupplier stopRequested, Consumer<int[]> onImproved, long seed, int lowerBound) {
        return new CustomSearchPhase((model, start, evaluations) -> {
            HostEliminationSearch s = new HostEliminationSearch(model, start, seed, lowerBound);
            int[] best = s.run(deadlineNanos, stopRequested, onImproved);
            evaluations.add(s.evaluations());
            return best;
        });
    }

    /** Balancing until a local optimum, the deadline or a stop request. */
    public static CustomSearchPhase balance(long deadlineNanos, BooleanSupplier stopRequested, long seed) {
        return new CustomSearchPhase((model, start, evaluations) -> {
            BalanceSearch s = new BalanceSearch(model, start, seed);
            int[] balanced = s.run(new StopPoll(deadlineNanos, stopRequested));
            evaluations.add(s.evaluations());
            return balanced;
        });
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
        int[] result = search.run(solution.getModel(), current, solution.evaluations());
        for (VmAssignment a : solution.getAssignments()) {
            int vm = a.getVmIndex();
            if (result[vm] != current[vm]) {
                scoreDirector.beforeVariableChanged(a, "host");
                a.setHost(solution.getHostSlots().get(result[vm]));
                scoreDirector.afterVariableChanged(a, "host");
            }
        }
        scoreDirector.triggerVariableListeners();
    }
}
