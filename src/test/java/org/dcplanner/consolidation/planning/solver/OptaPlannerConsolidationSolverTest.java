package org.dcplanner.consolidation.planning.solver;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

import org.dcplanner.consolidation.planning.solver.SolveOptions.SolveProgress;
import org.junit.jupiter.api.Test;

class OptaPlannerConsolidationSolverTest {
    private final OptaPlannerConsolidationSolver solver = new OptaPlannerConsolidationSolver();

    @Test
    void endsFeasibleAndAtOrBelowBothBaselines() {
        PlanningProblem problem = TestProblems.random(7, 60, 30, 48);
        List<SolveProgress> progress = new ArrayList<>();
        PlanningResult result = solver.solve(problem, new SolveOptions(Duration.ofSeconds(3), () -> false, progress::add));

        assertThat(result.feasible()).isTrue();
        assertThat(result.brokenConstraints()).isEmpty();
        assertThat(result.hostsUsed()).isLessThanOrEqualTo(Math.min(result.peakFfdHosts(), result.timeSeriesFfdHosts()));
        assertThat(result.hostsUsed()).isGreaterThanOrEqualTo(result.lowerBoundHosts());
        assertThat(result.vmSlot()).hasSize(60);
        assertThat(java.util.Arrays.stream(result.vmSlot()).allMatch(s -> s >= 0 && s < 30)).isTrue();
        assertThat(progress).isNotEmpty();
        assertThat(progress.get(progress.size() - 1).hostsUsed()).isEqualTo(result.hostsUsed());
        assertThat(result.scoreCalculationsPerSecond()).isPositive();
    }

    @Test
    void stopRequestEndsSolvingEarlyWithTheBestSoFar() {
        PlanningProblem problem = TestProblems.random(11, 80, 40, 48);
        AtomicBoolean stop = new AtomicBoolean(true);
        long start = System.nanoTime();
        PlanningResult result = solver.solve(problem, new SolveOptions(Duration.ofSeconds(60), stop::get, p -> { }));
        long seconds = (System.nanoTime() - start) / 1_000_000_000L;

        assertThat(seconds).isLessThan(30);
        assertThat(result.feasible()).isTrue();
        assertThat(result.hostsUsed()).isLessThanOrEqualTo(result.timeSeriesFfdHosts());
    }
}
