package org.dcplanner.consolidation.planning.solver;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Arrays;
import org.dcplanner.consolidation.planning.solver.domain.PlacementRules.Kind;
import org.dcplanner.consolidation.planning.solver.domain.PlanningProblem;
import org.dcplanner.consolidation.planning.solver.start.ReferencePlacements;
import org.junit.jupiter.api.Test;

/** The solver keeps affinity groups and MUST host rules, keeps SHOULD rules unless a host would be lost, plans HA. */
class PlacementRulesSolverTest {
    private final OptaPlannerConsolidationSolver solver = new OptaPlannerConsolidationSolver();

    private PlanningResult solve(PlanningProblem p) {
        return solver.solve(p, new SolveOptions(Duration.ofSeconds(2), () -> false, x -> {}));
    }

    @Test
    void keepsAnAffinityGroupOnOneHostWhereFirstFitWouldSplitIt() {
        // 4 hosts of 1000; VMs of 600 fill hosts alone; the group of three 300s must share one host
        TestProblems t = TestProblems.cpu(2).hosts(4, 1000);
        for (int i = 0; i < 3; i++) t.flatVm(600);
        for (int i = 0; i < 3; i++) t.flatVm(300);
        t.rules(new int[] {-1, -1, -1, 0, 0, 0});
        PlanningProblem p = t.build();
        PlanningResult r = solve(p);
        assertThat(r.feasible()).isTrue();
        assertThat(r.vmSlot()[3]).isEqualTo(r.vmSlot()[4]).isEqualTo(r.vmSlot()[5]);
        assertThat(r.hostsUsed()).isEqualTo(4);
        // the references pack the group as one item too
        int[] ffd = ReferencePlacements.of(p).timeSeriesFfd();
        assertThat(ffd[3]).isEqualTo(ffd[4]).isEqualTo(ffd[5]);
    }

    @Test
    void mustRulesBindEveryVmTheyName() {
        TestProblems t = TestProblems.cpu(1).hosts(6, 1000);
        for (int i = 0; i < 6; i++) t.flatVm(300);
        t.rules(
                null,
                t.hostRule("db on 4-5", Kind.MUST_RUN_ON, new int[] {0, 1, 2}, 4, 5),
                t.hostRule("web off 0", Kind.MUST_NOT_RUN_ON, new int[] {3, 4, 5}, 0));
        PlanningResult r = solve(t.build());
        assertThat(r.feasible()).isTrue();
        for (int v = 0; v < 3; v++) assertThat(r.vmSlot()[v]).isIn(4, 5);
        for (int v = 3; v < 6; v++) assertThat(r.vmSlot()[v]).isNotEqualTo(0);
        assertThat(r.hostsUsed()).isEqualTo(2);
    }

    @Test
    void keepsAShouldRuleWhenItCostsNoHostAndBreaksItRatherThanAddAHost() {
        // two hosts needed in any case: "prefer host 3" for VM 0 costs nothing
        TestProblems kept =
                TestProblems.cpu(1).hosts(4, 1000).flatVm(600).flatVm(600).flatVm(300);
        kept.rules(null, kept.hostRule("prefer 3", Kind.SHOULD_RUN_ON, new int[] {0}, 3));
        PlanningResult r = solve(kept.build());
        assertThat(r.vmSlot()[0]).isEqualTo(3);
        assertThat(r.hostsUsed()).isEqualTo(2);
        // VM 0 must run on host 0, VM 1 should not: keeping the preference would cost a second host
        TestProblems broken = TestProblems.cpu(1).hosts(3, 1000).flatVm(600).flatVm(400);
        broken.rules(
                null,
                broken.hostRule("db on 0", Kind.MUST_RUN_ON, new int[] {0}, 0),
                broken.hostRule("web avoids 0", Kind.SHOULD_NOT_RUN_ON, new int[] {1}, 0));
        PlanningResult b = solve(broken.build());
        assertThat(b.feasible()).isTrue();
        assertThat(b.hostsUsed()).isEqualTo(1);
        assertThat(b.vmSlot()).containsExactly(0, 0);
    }

    @Test
    void sixReplicasWithReserveOneGetASeventhHostSoEveryFailureHasARestart() {
        // the case: 6 replicas (anti-affinity) plus 6 small VMs, reserve 1; the fluid HA rule alone left the
        // replica of any failed host without a legal survivor
        TestProblems t = TestProblems.cpu(2).hosts(10, 1000).haReserve(1);
        for (int i = 0; i < 6; i++) t.flatVm(300).groupLast(0);
        for (int i = 0; i < 6; i++) t.flatVm(100);
        PlanningProblem p = t.build();
        PlanningResult r = solve(p);
        assertThat(r.feasible()).isTrue();
        FailoverMap.Result map = FailoverMap.of(p, r.vmSlot());
        assertThat(map.vmsWithoutRestart()).isZero();
        assertThat(map.scenarios()).allMatch(FailoverMap.Scenario::complete);
        assertThat(r.hostsUsed()).isEqualTo(7);
        assertThat(Arrays.stream(r.vmSlot()).limit(6).distinct().count()).isEqualTo(6);
    }

    @Test
    void anAffinityGroupRestartsTogetherAndMustRulesBindTheRestart() {
        TestProblems t = TestProblems.cpu(1).hosts(5, 1000).haReserve(1);
        t.flatVm(200).flatVm(200).flatVm(500).flatVm(500);
        t.rules(new int[] {0, 0, -1, -1}, t.hostRule("big on 0-2", Kind.MUST_RUN_ON, new int[] {2, 3}, 0, 1, 2));
        PlanningProblem p = t.build();
        PlanningResult r = solve(p);
        assertThat(r.feasible()).isTrue();
        assertThat(r.vmSlot()[0]).isEqualTo(r.vmSlot()[1]);
        FailoverMap.Result map = FailoverMap.of(p, r.vmSlot());
        assertThat(map.vmsWithoutRestart()).isZero();
        for (FailoverMap.Scenario sc : map.scenarios()) {
            for (FailoverMap.Restart restart : sc.restarts()) {
                if (restart.vm().equals("vm-2") || restart.vm().equals("vm-3"))
                    assertThat(restart.toSlot()).isIn(0, 1, 2);
            }
            long groupTargets = sc.restarts().stream()
                    .filter(x -> x.vm().equals("vm-0") || x.vm().equals("vm-1"))
                    .map(FailoverMap.Restart::toSlot)
                    .distinct()
                    .count();
            assertThat(groupTargets).isLessThanOrEqualTo(1);
        }
    }
}
