package org.dcplanner.consolidation.planning.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Collections;
import java.util.List;
import java.util.stream.IntStream;
import org.dcplanner.consolidation.ingestion.Metric;
import org.dcplanner.consolidation.planning.Objective;
import org.dcplanner.consolidation.planning.solver.domain.PlanningProblem;
import org.dcplanner.consolidation.planning.solver.domain.PlanningProblem.HostSlotSpec;
import org.dcplanner.consolidation.planning.solver.start.LowerBounds;
import org.dcplanner.consolidation.virtualization.VirtualizationApproach;
import org.junit.jupiter.api.Test;

class FailoverMapTest {
    private static final HostSlotSpec HOST = new HostSlotSpec("m", new double[] {1000}, 50, 100, 1, true);

    /** n VMs of 100 MHz on 8 hosts, in the given groups, HA reserve k. */
    private static PlanningProblem problem(int n, int[] groups, int k) {
        float[][][] demand = new float[1][n][2];
        for (float[] d : demand[0]) java.util.Arrays.fill(d, 100);
        int[] none = new int[n];
        java.util.Arrays.fill(none, -1);
        return new PlanningProblem(
                List.of(Metric.CPU),
                2,
                demand,
                IntStream.range(0, n).mapToObj(i -> "vm" + i).toList(),
                Collections.nCopies(8, HOST),
                none,
                groups,
                null,
                VirtualizationApproach.FULL,
                k,
                Objective.HOSTS);
    }

    @Test
    void sixReplicasOnSixHostsHaveNowhereToRestartAndTheBoundSaysSeven() {
        int[] groups = new int[6]; // one anti-affinity group of 6 replicas
        PlanningProblem p = problem(6, groups, 1);
        FailoverMap.Result r = FailoverMap.of(p, new int[] {0, 1, 2, 3, 4, 5});
        assertThat(r.scenarios()).hasSize(6);
        assertThat(r.vmsWithoutRestart()).isEqualTo(6);
        assertThat(LowerBounds.antiAffinityBound(p)).isEqualTo(7);
        // a seventh active host without a replica (holding another VM) takes each failed host's replica
        int[] withOther = new int[7];
        java.util.Arrays.fill(withOther, -1);
        withOther[0] = withOther[1] = withOther[2] = withOther[3] = withOther[4] = withOther[5] = 0;
        FailoverMap.Result seven = FailoverMap.of(problem(7, withOther, 1), new int[] {0, 1, 2, 3, 4, 5, 6});
        assertThat(seven.scenarios().get(0).restarts().get(0).toSlot()).isEqualTo(6);
        assertThat(seven.scenarios().subList(0, 6)).allMatch(FailoverMap.Scenario::complete);
    }

    @Test
    void restartsStayWithinCapacityAndApart() {
        // 12 VMs on 3 hosts (400 MHz each), groups {0,1} apart; host 3 holds one more VM
        int[] groups = new int[13];
        java.util.Arrays.fill(groups, -1);
        groups[0] = 0;
        groups[4] = 0;
        int[] slots = {0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2, 2, 3};
        FailoverMap.Result r = FailoverMap.of(problem(13, groups, 1), slots);
        assertThat(r.vmsWithoutRestart()).isZero();
        FailoverMap.Scenario first = r.scenarios().get(0);
        assertThat(first.failedSlots()).containsExactly(0);
        // vm0 may not restart beside vm4 (host 1)
        assertThat(first.restarts().stream()
                        .filter(x -> x.vm().equals("vm0"))
                        .findFirst()
                        .orElseThrow()
                        .toSlot())
                .isNotEqualTo(1);
        assertThat(first.complete()).isTrue();
    }

    @Test
    void withTwoReservedHostsTheTwoBusiestFailTogetherToo() {
        int[] groups = new int[6];
        java.util.Arrays.fill(groups, -1);
        FailoverMap.Result r = FailoverMap.of(problem(6, groups, 2), new int[] {0, 0, 0, 1, 1, 2});
        assertThat(r.scenarios()).hasSize(4);
        assertThat(r.scenarios().get(3).failedSlots()).containsExactlyInAnyOrder(0, 1);
        assertThat(r.method()).contains("not exhaustive");
    }
}
