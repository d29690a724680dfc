package org.dcplanner.consolidation.planning.solver;

import java.util.function.Consumer;
import org.dcplanner.consolidation.planning.solver.SolveOptions.SolveProgress;
import org.dcplanner.consolidation.planning.solver.domain.DemandModel;
import org.dcplanner.consolidation.planning.solver.score.ScoreLedger;
import org.dcplanner.consolidation.planning.solver.start.Baselines;
import org.dcplanner.consolidation.planning.solver.start.Construction;
import org.optaplanner.core.api.score.buildin.hardmediumsoftlong.HardMediumSoftLongScore;

/**
 * Forwards new best placements to {@code onNewBest} in score order: the elimination phase (solver thread) and
 * OptaPlanner's best-solution consumer (its own thread) both report, so a late, older event must not
 * overwrite a newer, better one. Calls are serialized.
 */
final class ProgressReporter {
    private final DemandModel model;
    private final Consumer<SolveProgress> onNewBest;
    private final long startNanos;
    private HardMediumSoftLongScore lastScore;
    private int[] best;
    private boolean closed;

    ProgressReporter(DemandModel model, Consumer<SolveProgress> onNewBest, long startNanos) {
        this.model = model;
        this.onNewBest = onNewBest;
        this.startNanos = startNanos;
    }

    /**
     * Reports the placement if it scores better than everything reported so far; returns its progress. After
     * {@link #closeWithBest} nothing more is reported (a search left to end on its own after a stop).
     */
    synchronized SolveProgress report(int[] vmSlot) {
        ScoreLedger ledger = Construction.ledger(model, vmSlot);
        HardMediumSoftLongScore score = ledger.score();
        SolveProgress progress = new SolveProgress(
                Baselines.hostsUsed(vmSlot),
                score.toString(),
                ledger.hardPenalty() == 0,
                Math.max(0, (System.nanoTime() - startNanos) / 1_000_000),
                vmSlot);
        if (!closed && (lastScore == null || score.compareTo(lastScore) > 0)) {
            lastScore = score;
            best = vmSlot.clone();
            onNewBest.accept(progress);
        }
        return progress;
    }

    /** The best placement reported so far (at least one was); later reports are dropped. */
    synchronized int[] closeWithBest() {
        closed = true;
        return best;
    }
}
