package org.dcplanner.consolidation.planning.solver.score;

import java.util.concurrent.atomic.LongAdder;
import org.dcplanner.consolidation.planning.solver.domain.ConsolidationSolution;
import org.dcplanner.consolidation.planning.solver.domain.DemandModel;
import org.dcplanner.consolidation.planning.solver.domain.VmAssignment;
import org.optaplanner.core.api.score.buildin.hardmediumsoftlong.HardMediumSoftLongScore;
import org.optaplanner.core.api.score.calculator.IncrementalScoreCalculator;

/**
 * Fast score for solving: per-slot load arrays updated on each variable change in O(resources x steps),
 * instead of re-grouping time series through constraint streams. Must agree exactly with
 * {@link ConsolidationConstraintProvider} (checked by ScoreCrossCheckTest).
 */
public class ConsolidationIncrementalScoreCalculator
        implements IncrementalScoreCalculator<ConsolidationSolution, HardMediumSoftLongScore> {
    private ScoreLedger ledger;
    private DemandModel model;
    private LongAdder evaluations;

    @Override
    public void resetWorkingSolution(ConsolidationSolution solution) {
        model = solution.getModel();
        evaluations = solution.evaluations();
        ledger = new ScoreLedger(model);
        for (VmAssignment a : solution.getAssignments()) {
            if (a.getHost() != null) {
                ledger.add(a.getVmIndex(), a.getHost().getIndex());
            }
        }
    }

    @Override
    public void beforeEntityAdded(Object entity) {
        // nothing assigned yet
    }

    @Override
    public void afterEntityAdded(Object entity) {
        insert((VmAssignment) entity);
    }

    @Override
    public void beforeVariableChanged(Object entity, String variableName) {
        retract((VmAssignment) entity);
    }

    @Override
    public void afterVariableChanged(Object entity, String variableName) {
        insert((VmAssignment) entity);
    }

    @Override
    public void beforeEntityRemoved(Object entity) {
        retract((VmAssignment) entity);
    }

    @Override
    public void afterEntityRemoved(Object entity) {
        // already retracted
    }

    private void insert(VmAssignment a) {
        if (a.getHost() != null) {
            ledger.add(a.getVmIndex(), a.getHost().getIndex());
        }
    }

    private void retract(VmAssignment a) {
        if (a.getHost() != null) {
            ledger.remove(a.getVmIndex(), a.getHost().getIndex());
        }
    }

    @Override
    public HardMediumSoftLongScore calculateScore() {
        evaluations.increment();
        return ledger.score();
    }
}
