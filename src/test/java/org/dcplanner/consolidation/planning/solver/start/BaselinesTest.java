package org.dcplanner.consolidation.planning.solver.start;

import static org.assertj.core.api.Assertions.assertThat;

import org.dcplanner.consolidation.planning.solver.TestProblems;
import org.dcplanner.consolidation.planning.solver.domain.DemandModel;
import org.dcplanner.consolidation.planning.solver.domain.PlanningProblem;
import org.junit.jupiter.api.Test;

class BaselinesTest {

    @Test
    void lowerBoundIsPeakOfSummedDemandOverHostCapacity() {
        PlanningProblem p = TestProblems.cpu(3)
                .hosts(5, 1000)
                .vm(new float[] {600, 100, 100})
                .vm(new float[] {500, 100, 100})
                .vm(new float[] {100, 900, 100})
                .build();
        assertThat(LowerBounds.lowerBoundHosts(p)).isEqualTo(2);
    }

    @Test
    void lowerBoundUsesTheLargestSlotOfAHeterogeneousPoolAndAddsTheHaReserve() {
        TestProblems p =
                TestProblems.cpu(1).hosts(3, 1000).hosts(1, 2000).flatVm(1300).flatVm(1200);
        assertThat(LowerBounds.lowerBoundHosts(p.build())).isEqualTo(2);
        assertThat(LowerBounds.lowerBoundHosts(p.haReserve(1).build())).isEqualTo(3);
    }

    @Test
    void lowerBoundTakesTheBindingResource() {
        PlanningProblem p = TestProblems.cpuAndMemory(1)
                .hosts(9, 1000, 4096)
                .flatVm(100, 3000)
                .flatVm(100, 3000)
                .flatVm(100, 3000)
                .build();
        assertThat(LowerBounds.lowerBoundHosts(p)).isEqualTo(3);
    }

    @Test
    void martelloTothBoundCountsItemsAboveHalfACapacityOnePerHost() {
        // fluid bound ceil(180 / 100) = 2, but no two of the items share a host
        assertThat(LowerBounds.martelloTothL2(new double[] {60, 60, 60}, 100)).isEqualTo(3);
        // small items fill the big items' spare room: 2 hosts suffice and the bound says 2
        assertThat(LowerBounds.martelloTothL2(new double[] {60, 40, 60, 40}, 100))
                .isEqualTo(2);
        // items of at least 30 cannot join an item above 70: 2 + ceil((3 x 30) / 100) = 3 (fluid: 2)
        assertThat(LowerBounds.martelloTothL2(new double[] {75, 75, 30, 30, 30}, 100))
                .isEqualTo(3);
    }

    @Test
    void martelloTothBoundNeverExceedsAFeasiblePacking() {
        java.util.SplittableRandom random = new java.util.SplittableRandom(5);
        for (int trial = 0; trial < 2000; trial++) {
            double[] sizes = new double[1 + random.nextInt(12)];
            for (int i = 0; i < sizes.length; i++) {
                sizes[i] = random.nextInt(1, 101);
            }
            int l2 = LowerBounds.martelloTothL2(sizes.clone(), 100);
            assertThat(l2).isLessThanOrEqualTo(firstFitDecreasingBins(sizes, 100));
            assertThat(l2).isGreaterThanOrEqualTo((int)
                    Math.ceil(java.util.Arrays.stream(sizes).sum() / 100));
        }
    }

    private static int firstFitDecreasingBins(double[] sizes, double capacity) {
        double[] sorted = sizes.clone();
        java.util.Arrays.sort(sorted);
        double[] room = new double[sorted.length];
        int bins = 0;
        for (int i = sorted.length - 1; i >= 0; i--) {
            int b = 0;
            while (b < bins && room[b] < sorted[i]) {
                b++;
            }
            if (b == bins) {
                room[bins++] = capacity;
            }
            room[b] -= sorted[i];
        }
        return bins;
    }

    @Test
    void stepwiseBoundTakesTheWorstStep() {
        PlanningProblem p = TestProblems.cpu(2)
                .hosts(5, 1000)
                .vm(new float[] {600, 100})
                .vm(new float[] {600, 100})
                .vm(new float[] {100, 600})
                .build();
        // step 0: two items above 500 need two hosts (fluid bound: ceil(1300 / 1000) = 2); step 1: one host
        assertThat(LowerBounds.stepwiseBinPackingBound(p)).isEqualTo(2);
        PlanningProblem three = TestProblems.cpu(2)
                .hosts(5, 1000)
                .vm(new float[] {100, 600})
                .vm(new float[] {100, 600})
                .vm(new float[] {100, 600})
                .build();
        assertThat(LowerBounds.stepwiseBinPackingBound(three)).isEqualTo(3);
        assertThat(LowerBounds.lowerBoundHosts(three)).isEqualTo(2);
    }

    @Test
    void antiPhaseVmsShareOneHostByTimeSeriesButNotByPeaks() {
        DemandModel m = new DemandModel(TestProblems.cpu(2)
                .hosts(3, 1000)
                .vm(new float[] {800, 100})
                .vm(new float[] {100, 800})
                .build());
        assertThat(Baselines.hostsUsed(Baselines.peakFfd(m))).isEqualTo(2);
        assertThat(Baselines.hostsUsed(Baselines.timeSeriesFfd(m, 1.0))).isEqualTo(1);
        assertThat(LowerBounds.lowerBoundHosts(m.problem())).isEqualTo(1);
    }

    @Test
    void ffdPlacesLargestFirstIntoTheFirstSlotWithRoom() {
        DemandModel m = new DemandModel(TestProblems.cpu(1)
                .hosts(4, 1000)
                .flatVm(300)
                .flatVm(700)
                .flatVm(500)
                .flatVm(500)
                .build());
        // decreasing: 700 -> 0, 500 -> 1, 500 -> 1, 300 -> 0
        assertThat(Baselines.timeSeriesFfd(m, 1.0)).containsExactly(0, 0, 1, 1);
        assertThat(Baselines.peakFfd(m)).containsExactly(0, 0, 1, 1);
    }

    @Test
    void ffdHonoursAntiAffinityPinsAndHardwareAssist() {
        DemandModel m = new DemandModel(TestProblems.cpu(1)
                .hosts(1, "old", false, 1000)
                .hosts(3, "new", true, 1000)
                .approach(org.dcplanner.consolidation.virtualization.VirtualizationApproach.HARDWARE_ASSISTED)
                .flatVm(10)
                .groupLast(7)
                .flatVm(10)
                .groupLast(7)
                .flatVm(10)
                .pinLast(3)
                .build());
        int[] slots = Baselines.timeSeriesFfd(m, 1.0);
        assertThat(slots[2]).isEqualTo(3);
        assertThat(slots[0]).isNotEqualTo(slots[1]);
        assertThat(slots).doesNotContain(0);
    }

    @Test
    void reducedCapacityFactorSpreadsLoad() {
        DemandModel m = new DemandModel(
                TestProblems.cpu(1).hosts(4, 1000).flatVm(450).flatVm(450).build());
        assertThat(Baselines.hostsUsed(Baselines.timeSeriesFfd(m, 1.0))).isEqualTo(1);
        assertThat(Baselines.hostsUsed(Baselines.timeSeriesFfd(m, 0.8))).isEqualTo(2);
    }
}
