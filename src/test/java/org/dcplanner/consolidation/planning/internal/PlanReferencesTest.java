package org.dcplanner.consolidation.planning.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Collections;
import java.util.List;
import org.dcplanner.consolidation.ingestion.Metric;
import org.dcplanner.consolidation.planning.Objective;
import org.dcplanner.consolidation.planning.solver.domain.PlanningProblem;
import org.dcplanner.consolidation.planning.solver.domain.PlanningProblem.HostSlotSpec;
import org.dcplanner.consolidation.virtualization.VirtualizationApproach;
import org.junit.jupiter.api.Test;

class PlanReferencesTest {

    /** Three VMs of 300 MHz on 10 hosts of 1000 MHz: all fit on one host, so FFDs use 1 and LB is 1. */
    private static PlanningProblem problem(int haReserveHosts) {
        int vms = 3;
        float[][][] demand = new float[1][vms][2];
        for (float[] series : demand[0]) java.util.Arrays.fill(series, 300f);
        List<HostSlotSpec> slots =
                Collections.nCopies(10, new HostSlotSpec("m", new double[] {1000}, 100, 200, 1000, true));
        int[] none = new int[vms];
        java.util.Arrays.fill(none, -1);
        return new PlanningProblem(
                List.of(Metric.CPU),
                2,
                demand,
                List.of("a", "b", "c"),
                slots,
                none,
                none.clone(),
                new boolean[vms],
                VirtualizationApproach.HARDWARE_ASSISTED,
                haReserveHosts,
                Objective.HOSTS);
    }

    @Test
    void withoutReserveTheBaselinesAreThePlainFfds() {
        assertThat(PlanReferences.of(problem(0))).isEqualTo(new PlanReferences(1, 1, 1, 0));
    }

    @Test
    void theHaReserveIsOnTheSameFootingForLowerBoundAndBaselines() {
        PlanReferences refs = PlanReferences.of(problem(1));
        assertThat(refs).isEqualTo(new PlanReferences(2, 2, 2, 0));
        assertThat(refs.peakFfdHosts()).isGreaterThanOrEqualTo(refs.lowerBoundHosts());
        assertThat(refs.timeSeriesFfdHosts()).isGreaterThanOrEqualTo(refs.lowerBoundHosts());
    }

    @Test
    void theLargestAntiAffinityGroupIsASecondBound() {
        PlanningProblem base = problem(0);
        // VMs a and c in one group, b alone in another: the largest group needs 2 hosts
        PlanningProblem grouped = new PlanningProblem(
                base.resources(),
                base.steps(),
                base.demand(),
                base.vmNames(),
                base.slots(),
                base.pinnedSlot(),
                new int[] {0, 1, 0},
                base.paravirtCapable(),
                base.approach(),
                0,
                base.objective());
        assertThat(PlanReferences.of(grouped)).isEqualTo(new PlanReferences(1, 2, 2, 2));
    }
}
