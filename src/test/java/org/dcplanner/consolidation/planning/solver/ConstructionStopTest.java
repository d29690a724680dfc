package org.dcplanner.consolidation.planning.solver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.dcplanner.consolidation.planning.solver.SolveOptions.SolveProgress;
import org.dcplanner.consolidation.planning.solver.domain.DemandModel;
import org.dcplanner.consolidation.planning.solver.domain.PlanningProblem;
import org.dcplanner.consolidation.planning.solver.score.ScoreLedger;
import org.dcplanner.consolidation.planning.solver.start.Baselines;
import org.dcplanner.consolidation.planning.solver.start.Construction;
import org.dcplanner.consolidation.planning.solver.start.LowerBounds;
import org.dcplanner.consolidation.planning.solver.start.ReferencePlacements;
import org.junit.jupiter.api.Test;

/** A stop request ends the work before the search too: the bounds, both baselines and the construction check it. */
class ConstructionStopTest {

    private static StopPoll stopped() {
        return StopPoll.onRequest(() -> true);
    }

    @Test
    void everyReferenceLoopThrowsOnAStop() {
        PlanningProblem problem = TestProblems.random(3, 40, 20, 24);
        DemandModel model = new DemandModel(problem);
        assertThatThrownBy(() -> LowerBounds.lowerBoundHosts(problem, stopped()))
                .isInstanceOf(SolveStopped.class);
        assertThatThrownBy(() -> LowerBounds.stepwiseBinPackingBound(problem, stopped()))
                .isInstanceOf(SolveStopped.class);
        assertThatThrownBy(() -> Baselines.peakFfd(model, stopped())).isInstanceOf(SolveStopped.class);
        assertThatThrownBy(() -> Baselines.timeSeriesFfd(model, 1.0, stopped())).isInstanceOf(SolveStopped.class);
        assertThatThrownBy(() -> ReferencePlacements.of(problem, stopped())).isInstanceOf(SolveStopped.class);
        // without a stop the same calls answer as the plain ones
        assertThat(Baselines.timeSeriesFfd(model, 1.0, StopPoll.never()))
                .containsExactly(Baselines.timeSeriesFfd(model, 1.0));
    }

    @Test
    void aStopBeforeTheBaselinesExistEndsTheSolveWithoutAPlacement() {
        PlanningProblem problem = TestProblems.random(5, 60, 30, 24);
        List<SolveProgress> progress = new ArrayList<>();
        assertThatThrownBy(() -> new OptaPlannerConsolidationSolver()
                        .solve(problem, new SolveOptions(Duration.ofSeconds(60), () -> true, progress::add)))
                .isInstanceOf(SolveStopped.class);
        assertThat(progress).isEmpty();
    }

    @Test
    void aStopOnceTheBaselinesExistEndsWithTheBetterOneAndNoSearch() {
        PlanningProblem problem = TestProblems.random(7, 60, 30, 24);
        ReferencePlacements references = ReferencePlacements.of(problem);
        List<SolveProgress> progress = new ArrayList<>();
        long start = System.nanoTime();
        PlanningResult result = new OptaPlannerConsolidationSolver()
                .solve(problem, new SolveOptions(Duration.ofSeconds(60), () -> true, progress::add, null, references));

        assertThat(System.nanoTime() - start).isLessThan(Duration.ofSeconds(30).toNanos());
        assertThat(progress).hasSize(1);
        assertThat(result.vmSlot()).containsExactly(progress.get(0).vmSlot());
        DemandModel model = new DemandModel(problem);
        int[] better = score(model, references.timeSeriesFfd()).compareTo(score(model, references.peakFfd())) >= 0
                ? references.timeSeriesFfd()
                : references.peakFfd();
        assertThat(result.vmSlot()).containsExactly(better);
        assertThat(result.scoreCalculationsPerSecond()).isZero();
    }

    @Test
    void theConstructionStopsBetweenItsPackingsWithTheBestSoFar() {
        // a mixed pool with an HA reserve the FFD misses: without a stop the construction runs many more packings
        TestProblems mixed = TestProblems.cpu(8).hosts(6, "small", true, 1000).hosts(6, "large", true, 2000);
        for (int v = 0; v < 12; v++) mixed.flatVm(300 + 40 * v);
        DemandModel model = new DemandModel(mixed.haReserve(1).build());
        int[] peak = Baselines.peakFfd(model);
        int[] ts = Baselines.timeSeriesFfd(model, 1.0);
        AtomicInteger unstoppedPolls = new AtomicInteger();
        Construction.best(model, peak, ts, new StopPoll(Long.MAX_VALUE, () -> {
            unstoppedPolls.incrementAndGet();
            return false;
        }));
        assertThat(unstoppedPolls).hasPositiveValue();

        int[] start = Construction.best(model, peak, ts, stopped());
        assertThat(start).isIn(peak, ts);
    }

    private static org.optaplanner.core.api.score.buildin.hardmediumsoftlong.HardMediumSoftLongScore score(
            DemandModel model, int[] vmSlot) {
        ScoreLedger ledger = Construction.ledger(model, vmSlot);
        return ledger.score();
    }
}
