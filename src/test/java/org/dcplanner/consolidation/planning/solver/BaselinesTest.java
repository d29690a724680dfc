package org.dcplanner.consolidation.planning.solver;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class BaselinesTest {

    @Test
    void lowerBoundIsPeakOfSummedDemandOverHostCapacity() {
        PlanningProblem p = TestProblems.cpu(3).hosts(5, 1000)
                .vm(new float[] {600, 100, 100}).vm(new float[] {500, 100, 100}).vm(new float[] {100, 900, 100}).build();
        assertThat(Baselines.lowerBoundHosts(p)).isEqualTo(2);
    }

    @Test
    void lowerBoundUsesTheLargestSlotOfAHeterogeneousPoolAndAddsTheHaReserve() {
        TestProblems p = TestProblems.cpu(1).hosts(3, 1000).hosts(1, 2000).flatVm(1300).flatVm(1200);
        assertThat(Baselines.lowerBoundHosts(p.build())).isEqualTo(2);
        assertThat(Baselines.lowerBoundHosts(p.haReserve(1).build())).isEqualTo(3);
    }

    @Test
    void lowerBoundTakesTheBindingResource() {
        PlanningProblem p = TestProblems.cpuAndMemory(1).hosts(9, 1000, 4096)
                .flatVm(100, 3000).flatVm(100, 3000).flatVm(100, 3000).build();
        assertThat(Baselines.lowerBoundHosts(p)).isEqualTo(3);
    }

    @Test
    void antiPhaseVmsShareOneHostByTimeSeriesButNotByPeaks() {
        DemandModel m = new DemandModel(TestProblems.cpu(2).hosts(3, 1000)
                .vm(new float[] {800, 100}).vm(new float[] {100, 800}).build());
        assertThat(Baselines.hostsUsed(Baselines.peakFfd(m))).isEqualTo(2);
        assertThat(Baselines.hostsUsed(Baselines.timeSeriesFfd(m, 1.0))).isEqualTo(1);
        assertThat(Baselines.lowerBoundHosts(m.problem())).isEqualTo(1);
    }

    @Test
    void ffdPlacesLargestFirstIntoTheFirstSlotWithRoom() {
        DemandModel m = new DemandModel(TestProblems.cpu(1).hosts(4, 1000)
                .flatVm(300).flatVm(700).flatVm(500).flatVm(500).build());
        // decreasing: 700 -> 0, 500 -> 1, 500 -> 1, 300 -> 0
        assertThat(Baselines.timeSeriesFfd(m, 1.0)).containsExactly(0, 0, 1, 1);
        assertThat(Baselines.peakFfd(m)).containsExactly(0, 0, 1, 1);
    }

    @Test
    void ffdHonoursAntiAffinityPinsAndHardwareAssist() {
        DemandModel m = new DemandModel(TestProblems.cpu(1).hosts(1, "old", false, 1000).hosts(3, "new", true, 1000)
                .approach(org.dcplanner.consolidation.simulation.VirtualizationApproach.HARDWARE_ASSISTED)
                .flatVm(10).groupLast(7).flatVm(10).groupLast(7).flatVm(10).pinLast(3).build());
        int[] slots = Baselines.timeSeriesFfd(m, 1.0);
        assertThat(slots[2]).isEqualTo(3);
        assertThat(slots[0]).isNotEqualTo(slots[1]);
        assertThat(slots).doesNotContain(0);
    }

    @Test
    void reducedCapacityFactorSpreadsLoad() {
        DemandModel m = new DemandModel(TestProblems.cpu(1).hosts(4, 1000).flatVm(450).flatVm(450).build());
        assertThat(Baselines.hostsUsed(Baselines.timeSeriesFfd(m, 1.0))).isEqualTo(1);
        assertThat(Baselines.hostsUsed(Baselines.timeSeriesFfd(m, 0.8))).isEqualTo(2);
    }
}
