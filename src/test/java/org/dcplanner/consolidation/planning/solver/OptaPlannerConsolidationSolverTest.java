package org.dcplanner.consolidation.planning.solver;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.dcplanner.consolidation.planning.Objective;
import org.dcplanner.consolidation.planning.solver.SolveOptions.SolveProgress;
import org.dcplanner.consolidation.planning.solver.domain.PlanningProblem;
import org.dcplanner.consolidation.planning.solver.score.ScoreLedger;
import org.junit.jupiter.api.Test;

class OptaPlannerConsolidationSolverTest {
    private final OptaPlannerConsolidationSolver solver = new OptaPlannerConsolidationSolver();

    @Test
    void endsFeasibleAndAtOrBelowBothBaselines() {
        PlanningProblem problem = TestProblems.random(7, 60, 30, 48);
        List<SolveProgress> progress = new ArrayList<>();
        PlanningResult result =
                solver.solve(problem, new SolveOptions(Duration.ofSeconds(3), () -> false, progress::add));

        assertThat(result.feasible()).isTrue();
        assertThat(result.brokenConstraints()).isEmpty();
        assertThat(result.hostsUsed())
                .isLessThanOrEqualTo(Math.min(result.peakFfdHosts(), result.timeSeriesFfdHosts()));
        assertThat(result.hostsUsed()).isGreaterThanOrEqualTo(result.lowerBoundHosts());
        assertThat(result.vmSlot()).hasSize(60);
        assertThat(java.util.Arrays.stream(result.vmSlot()).allMatch(s -> s >= 0 && s < 30))
                .isTrue();
        assertThat(progress).isNotEmpty();
        assertThat(progress.get(progress.size() - 1).hostsUsed()).isEqualTo(result.hostsUsed());
        assertThat(result.scoreCalculationsPerSecond()).isPositive();
    }

    @Test
    void reportsTheConstructionFirstBeforeAnySearch() {
        PlanningProblem problem = TestProblems.random(13, 60, 30, 48);
        List<SolveProgress> progress = new ArrayList<>();
        AtomicBoolean stop = new AtomicBoolean();
        // a stop requested with the first report: the search ends at once, the construction must still be reported
        PlanningResult result = solver.solve(problem, new SolveOptions(Duration.ofSeconds(3), stop::get, p -> {
            progress.add(p);
            stop.set(true);
        }));

        assertThat(progress).isNotEmpty();
        assertThat(progress.get(0).hostsUsed()).isEqualTo(Math.min(result.peakFfdHosts(), result.timeSeriesFfdHosts()));
    }

    @Test
    void stopRequestEndsSolvingEarlyWithTheBestSoFar() {
        PlanningProblem problem = TestProblems.random(11, 80, 40, 48);
        AtomicBoolean stop = new AtomicBoolean();
        // a 60-s limit with a stop requested once the construction exists: solve returns (the test would otherwise
        // hang until the limit, which its surefire time shows), with the construction's feasible plan
        PlanningResult result =
                solver.solve(problem, new SolveOptions(Duration.ofSeconds(60), stop::get, p -> stop.set(true)));

        assertThat(result.feasible()).isTrue();
        assertThat(result.hostsUsed()).isLessThanOrEqualTo(result.timeSeriesFfdHosts());
    }

    @Test
    void keepsTheHaReserve() {
        PlanningProblem problem = TestProblems.cpu(4)
                .hosts(6, 1000)
                .haReserve(1)
                .flatVm(300)
                .flatVm(300)
                .flatVm(300)
                .flatVm(300)
                .flatVm(300)
                .flatVm(300)
                .build();
        PlanningResult result = solver.solve(problem, new SolveOptions(Duration.ofSeconds(2), () -> false, p -> {}));

        // 1800 MHz needs 2 hosts; surviving any one failure needs the others to hold 1800 MHz: 3 hosts
        assertThat(result.feasible()).isTrue();
        assertThat(result.hostsUsed()).isEqualTo(3);
        assertThat(result.lowerBoundHosts()).isEqualTo(3);
    }

    @Test
    void balancesAnHaPlanWhoseVmsAllFitOnOneHost() {
        int[] mhz = new int[30];
        for (int vm = 0; vm < mhz.length; vm++) {
            mhz[vm] = 10 * (vm / 2 + 1);
        }
        // a month of 5-minute steps, as the Bitbrains traces: too long for the late-acceptance search to balance alone
        TestProblems p = TestProblems.cpu(8640).hosts(4, 10_000).haReserve(1);
        for (int m : mhz) {
            p.flatVm(m);
        }
        // 2,400 MHz fit on one host, so every first fit is infeasible for the reserve; 2 hosts, even peaks 1,200 each.
        // At the bound the plan is balanced for a tenth of the limit: 30 s leave 3 s, enough on a loaded machine (3 s,
        // i.e. 0.3 s of balancing, failed there); the balance phase ends sooner at its local optimum.
        PlanningResult result = solver.solve(p.build(), new SolveOptions(Duration.ofSeconds(30), () -> false, x -> {}));

        assertThat(result.feasible()).isTrue();
        assertThat(result.hostsUsed()).isEqualTo(2);
        assertThat(busiestHostMhz(result, mhz)).isEqualTo(1_200);
    }

    @Test
    void costObjectivePicksTheCheaperModelWhateverThePoolOrder() {
        // 8 VMs of 1,000 MHz; "big" (10,000 MHz, 5,000 a year) holds them all, "small" (4,500 MHz, 1,500 a year)
        // four each: the cheapest plan is 2 small hosts (3,000), not 1 big one (5,000) nor any mix
        for (boolean bigFirst : new boolean[] {true, false}) {
            TestProblems p = TestProblems.cpu(288).objective(Objective.COST);
            if (bigFirst) p.pricedHosts(3, "big", 5_000, 400, 10_000);
            p.pricedHosts(3, "small", 1_500, 200, 4_500);
            if (!bigFirst) p.pricedHosts(3, "big", 5_000, 400, 10_000);
            for (int vm = 0; vm < 8; vm++) {
                p.flatVm(1_000);
            }
            PlanningResult result =
                    solver.solve(p.build(), new SolveOptions(Duration.ofSeconds(2), () -> false, x -> {}));

            assertThat(result.feasible()).isTrue();
            assertThat(result.score()).as("big first: " + bigFirst).contains("/-3000medium/");
        }
    }

    @Test
    void balancesTheHostsOfAPlanProvenMinimal() {
        int[] mhz = {400, 300, 300, 200, 200};
        TestProblems p = TestProblems.cpu(3).hosts(4, 1000);
        for (int m : mhz) {
            p.flatVm(m);
        }
        // 1,400 MHz: 2 hosts is the bound, and FFD already reaches it as 1,000 + 400; even peaks are 700 + 700
        PlanningResult result = solver.solve(p.build(), new SolveOptions(Duration.ofSeconds(3), () -> false, x -> {}));

        assertThat(result.hostsUsed()).isEqualTo(2);
        assertThat(busiestHostMhz(result, mhz)).isEqualTo(700);
    }

    @Test
    void endsSoonWhenTheConstructionIsAlreadyAtTheBound() {
        // 400 MHz on one host: the start is optimal and nothing can be balanced, so no better plan is ever reported
        PlanningProblem problem = TestProblems.cpu(3)
                .hosts(3, 1000)
                .flatVm(100)
                .flatVm(100)
                .flatVm(100)
                .flatVm(100)
                .build();
        // balanced for a tenth of the limit (2 s), not searched for the whole 20 s; no clock is asserted (the machine
        // may be loaded): a solve that ran to the limit shows as a 20-s test time in the surefire report
        PlanningResult result = solver.solve(problem, new SolveOptions(Duration.ofSeconds(20), () -> false, x -> {}));

        assertThat(result.hostsUsed()).isEqualTo(1);
    }

    @Test
    void reportsWhichConstraintIsBrokenWhenThePoolIsTooSmall() {
        PlanningProblem problem =
                TestProblems.cpu(1).hosts(1, 1000).flatVm(700).flatVm(700).build();
        PlanningResult result = solver.solve(problem, new SolveOptions(Duration.ofSeconds(1), () -> false, p -> {}));

        assertThat(result.feasible()).isFalse();
        assertThat(result.brokenConstraints()).containsExactly(ScoreLedger.CAPACITY);
    }

    @Test
    void explainsBindingResourceStepAndMatchedConstraints() {
        PlanningProblem problem = TestProblems.cpuAndMemory(3)
                .hosts(2, 1000, 4096)
                .vm(new float[] {100, 900, 100}, new float[] {1000, 1000, 1000})
                .vm(new float[] {100, 300, 100}, new float[] {1000, 1000, 1000})
                .vm(new float[] {200, 200, 200}, new float[] {3500, 3500, 3500})
                .build();

        List<ConsolidationSolver.VmExplanation> explanations = solver.explain(problem, new int[] {0, 0, 1});

        ConsolidationSolver.VmExplanation first = explanations.get(0);
        assertThat(first.slot()).isZero();
        assertThat(first.bindingResource()).isEqualTo("CPU");
        assertThat(first.bindingStep()).isEqualTo(1);
        assertThat(first.bindingUtilization()).isCloseTo(1.2, org.assertj.core.data.Offset.offset(1e-6));
        assertThat(first.matchedConstraints())
                .anyMatch(c -> c.startsWith(ScoreLedger.CAPACITY))
                .anyMatch(c -> c.startsWith(ScoreLedger.ACTIVE_HOSTS));
        ConsolidationSolver.VmExplanation third = explanations.get(2);
        assertThat(third.bindingResource()).isEqualTo("MEMORY");
        assertThat(third.matchedConstraints()).noneMatch(c -> c.startsWith(ScoreLedger.CAPACITY));
    }

    /** The highest summed demand on one host of the result, for flat VMs of the given MHz. */
    private static int busiestHostMhz(PlanningResult result, int[] mhz) {
        java.util.Map<Integer, Integer> loadMhz = new java.util.HashMap<>();
        for (int vm = 0; vm < mhz.length; vm++) {
            loadMhz.merge(result.vmSlot()[vm], mhz[vm], Integer::sum);
        }
        return loadMhz.values().stream().mapToInt(Integer::intValue).max().orElseThrow();
    }
}
