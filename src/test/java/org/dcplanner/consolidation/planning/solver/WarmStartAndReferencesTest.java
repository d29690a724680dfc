package org.dcplanner.consolidation.planning.solver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import org.dcplanner.consolidation.planning.solver.SolveOptions.SolveProgress;
import org.dcplanner.consolidation.planning.solver.domain.PlanningProblem;
import org.dcplanner.consolidation.planning.solver.start.ReferencePlacements;
import org.dcplanner.consolidation.planning.solver.start.StartAssignment;
import org.junit.jupiter.api.Test;

/** The SolveOptions entry: a start assignment (warm start) and references computed by the caller. */
class WarmStartAndReferencesTest {
    /**
     * Six flat VMs on 5320 MHz hosts where first-fit decreasing needs 3 hosts ({2600, 2100}, {2100, 1550, 1000},
     * {1000}) but 2 suffice ({2600, 1550, 1000}, {2100, 2100, 1000}).
     */
    private static final int[] OPTIMAL = {0, 1, 1, 0, 0, 1};

    private static TestProblems ffdTrap() {
        return TestProblems.cpu(2)
                .hosts(6, 5320)
                .flatVm(2600)
                .flatVm(2100)
                .flatVm(2100)
                .flatVm(1550)
                .flatVm(1000)
                .flatVm(1000);
    }

    private static List<SolveProgress> solve(
            PlanningProblem problem, int[] start, ReferencePlacements refs, List<PlanningResult> result) {
        List<SolveProgress> progress = new ArrayList<>();
        AtomicBoolean stop = new AtomicBoolean();
        // stop with the first report: the first reported best is the start the solver chose, before any search
        Consumer<SolveProgress> onNewBest = p -> {
            progress.add(p);
            stop.set(true);
        };
        result.add(new OptaPlannerConsolidationSolver()
                .solve(problem, new SolveOptions(Duration.ofSeconds(2), stop::get, onNewBest, start, refs)));
        return progress;
    }

    @Test
    void aBetterStartAssignmentIsTheFirstBestInsteadOfTheConstruction() {
        PlanningProblem problem = ffdTrap().build();
        List<PlanningResult> results = new ArrayList<>();
        assertThat(solve(problem, null, null, results).get(0).hostsUsed()).isEqualTo(3);
        List<SolveProgress> warm = solve(problem, OPTIMAL, null, results);
        assertThat(warm.get(0).hostsUsed()).isEqualTo(2);
        assertThat(warm.get(0).vmSlot()).containsExactly(OPTIMAL);
        assertThat(results.get(1).hostsUsed()).isEqualTo(2);
    }

    @Test
    void aWorseStartAssignmentLosesToTheConstruction() {
        List<PlanningResult> results = new ArrayList<>();
        List<SolveProgress> progress = solve(ffdTrap().build(), new int[] {0, 1, 2, 3, 4, 5}, null, results);
        assertThat(progress.get(0).hostsUsed()).isEqualTo(3);
    }

    @Test
    void aStartAssignmentThatBreaksAPinOrLeavesTheVmsOrPoolIsRejected() {
        PlanningProblem pinned = ffdTrap().pinLast(5).build();
        assertThat(StartAssignment.fits(pinned, OPTIMAL)).isFalse();
        assertThat(StartAssignment.fits(pinned, new int[] {0, 1, 1, 0, 0, 5})).isTrue();
        assertThat(StartAssignment.fits(pinned, new int[] {0, 1, 1, 0, 0})).isFalse();
        assertThat(StartAssignment.fits(pinned, new int[] {0, 1, 1, 0, 6, 5})).isFalse();
        assertThat(StartAssignment.fits(pinned, new int[] {0, 1, 1, 0, -1, 5})).isFalse();
        assertThatThrownBy(() -> solve(pinned, OPTIMAL, null, new ArrayList<>()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("start assignment");
    }

    @Test
    void givenReferencesAreReportedAndStartedFromInsteadOfRecomputed() {
        PlanningProblem problem = ffdTrap().build();
        ReferencePlacements computed = ReferencePlacements.of(problem);
        assertThat(computed.lowerBoundHosts()).isEqualTo(2);
        assertThat(computed.peakFfdHosts()).isEqualTo(3);
        assertThat(computed.timeSeriesFfdHosts()).isEqualTo(3);

        // references the solver could not have computed itself: the optimum as "time-series FFD", lower bound 1
        ReferencePlacements given = new ReferencePlacements(1, new int[] {0, 1, 2, 3, 4, 5}, OPTIMAL);
        List<PlanningResult> results = new ArrayList<>();
        List<SolveProgress> progress = solve(problem, null, given, results);
        assertThat(results.get(0).lowerBoundHosts()).isEqualTo(1);
        assertThat(results.get(0).peakFfdHosts()).isEqualTo(6);
        assertThat(results.get(0).timeSeriesFfdHosts()).isEqualTo(2);
        assertThat(progress.get(0).hostsUsed()).isEqualTo(2);
    }

    @Test
    void referencesOfAnotherShapeAreComputedAgain() {
        PlanningProblem problem = ffdTrap().build();
        ReferencePlacements wrongShape = new ReferencePlacements(1, new int[] {0, 1}, new int[] {0, 1});
        List<PlanningResult> results = new ArrayList<>();
        solve(problem, null, wrongShape, results);
        assertThat(results.get(0).lowerBoundHosts()).isEqualTo(2);
        assertThat(results.get(0).timeSeriesFfdHosts()).isEqualTo(3);
    }
}
