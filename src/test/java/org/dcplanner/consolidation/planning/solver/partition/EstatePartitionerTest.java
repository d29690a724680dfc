package org.dcplanner.consolidation.planning.solver.partition;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;
import org.dcplanner.consolidation.ingestion.Metric;
import org.dcplanner.consolidation.planning.solver.OptaPlannerConsolidationSolver;
import org.dcplanner.consolidation.planning.solver.PlanningResult;
import org.dcplanner.consolidation.planning.solver.SolveOptions;
import org.dcplanner.consolidation.planning.solver.domain.PlanningProblem;
import org.dcplanner.consolidation.planning.solver.domain.PlanningProblem.HostSlotSpec;
import org.dcplanner.consolidation.planning.solver.start.StartAssignment;
import org.dcplanner.consolidation.virtualization.VirtualizationApproach;
import org.junit.jupiter.api.Test;

class EstatePartitionerTest {
    private static final int STEPS = 24;
    private static final HostSlotSpec HOST = new HostSlotSpec("m", new double[] {1000}, 100, 200, 0, true);

    /**
     * {@code vms} VMs, the even ones busy by day (800 at steps 6..17, 100 otherwise), the odd ones by night: a
     * day VM and a night VM fill a host exactly at every step, two of a kind never fit one host.
     */
    private static PlanningProblem dayAndNight(int vms, int hosts, int[] groups, int[] pins) {
        float[][] cpu = new float[vms][STEPS];
        for (int v = 0; v < vms; v++) {
            for (int t = 0; t < STEPS; t++) {
                boolean day = t >= 6 && t < 18;
                cpu[v][t] = (v % 2 == 0) == day ? 800 : 100;
            }
        }
        boolean[] capable = new boolean[vms];
        Arrays.fill(capable, true);
        return new PlanningProblem(
                List.of(Metric.CPU),
                STEPS,
                new float[][][] {cpu},
                IntStream.range(0, vms).mapToObj(i -> "vm-" + i).toList(),
                Collections.nCopies(hosts, HOST),
                pins,
                groups,
                capable,
                VirtualizationApproach.FULL,
                0,
                org.dcplanner.consolidation.planning.Objective.HOSTS);
    }

    private static int[] none(int n) {
        int[] a = new int[n];
        Arrays.fill(a, -1);
        return a;
    }

    @Test
    void complementaryShapesLandInTheSamePartitionAndEachPartitionGetsItsShareOfThePool() {
        PlanningProblem p = dayAndNight(40, 40, none(40), none(40));
        Partitioning parts = EstatePartitioner.split(p, 4);
        assertThat(parts.count()).isEqualTo(4);
        Set<Integer> seenVms = new HashSet<>();
        Set<Integer> seenSlots = new HashSet<>();
        for (int k = 0; k < 4; k++) {
            long day = Arrays.stream(parts.vms()[k]).filter(v -> v % 2 == 0).count();
            // as many day as night VMs: each partition can pair them, as the whole estate can
            assertThat(day * 2).isEqualTo(parts.vms()[k].length);
            assertThat(parts.vms()[k].length).isEqualTo(10);
            assertThat(parts.slots()[k]).hasSize(10);
            Arrays.stream(parts.vms()[k])
                    .forEach(v -> assertThat(seenVms.add(v)).isTrue());
            Arrays.stream(parts.slots()[k])
                    .forEach(s -> assertThat(seenSlots.add(s)).isTrue());
        }
        assertThat(seenVms).hasSize(40);
    }

    @Test
    void antiAffinityGroupsStayInOnePartitionAndPinnedVmsAndTheirSlotsInNone() {
        int[] groups = none(24);
        for (int v = 0; v < 6; v++) groups[v] = 0;
        for (int v = 6; v < 10; v++) groups[v] = 1;
        int[] pins = none(24);
        pins[20] = 3;
        pins[21] = 3;
        Partitioning parts = EstatePartitioner.split(dayAndNight(24, 30, groups, pins), 3);
        for (int[] vms : parts.vms()) {
            Set<Integer> set = new HashSet<>();
            Arrays.stream(vms).forEach(set::add);
            assertThat(set.containsAll(List.of(0, 1, 2, 3, 4, 5))
                            || Collections.disjoint(set, List.of(0, 1, 2, 3, 4, 5)))
                    .isTrue();
            assertThat(set.containsAll(List.of(6, 7, 8, 9)) || Collections.disjoint(set, List.of(6, 7, 8, 9)))
                    .isTrue();
            assertThat(set).doesNotContain(20, 21);
        }
        assertThat(Arrays.stream(parts.slots()).flatMapToInt(Arrays::stream))
                .doesNotContain(3)
                .hasSize(29);
        assertThat(Arrays.stream(parts.vms()).mapToInt(a -> a.length).sum()).isEqualTo(22);
    }

    @Test
    void partitionsSolvedApartJoinIntoAPlacementOfTheWholeEstateThatTheMergeImproves() {
        int[] pins = none(40);
        pins[0] = 39;
        PlanningProblem whole = dayAndNight(40, 40, none(40), pins);
        Partitioning parts = EstatePartitioner.split(whole, 2);
        int[][] placed = new int[2][];
        for (int k = 0; k < 2; k++) {
            PlanningProblem sub = parts.subProblem(whole, k);
            assertThat(sub.vmCount()).isEqualTo(parts.vms()[k].length);
            assertThat(Arrays.stream(sub.pinnedSlot())).allMatch(s -> s == -1);
            PlanningResult r = new OptaPlannerConsolidationSolver()
                    .solve(sub, new SolveOptions(Duration.ofSeconds(2), () -> false, x -> {}));
            assertThat(r.feasible()).isTrue();
            placed[k] = parts.toWholePool(k, r.vmSlot());
            assertThat(parts.toSubProblem(k, placed[k])).isEqualTo(r.vmSlot());
        }
        int[] joined = parts.combine(whole, placed);
        assertThat(joined[0]).isEqualTo(39);
        assertThat(StartAssignment.fits(whole, joined)).isTrue();
        PlanningResult merged = new OptaPlannerConsolidationSolver()
                .solve(whole, new SolveOptions(Duration.ofSeconds(2), () -> false, x -> {}, joined, null));
        assertThat(merged.feasible()).isTrue();
        // a host holds at most one day and one night VM, so 20 is optimal; the joined start has 21 (the pinned day VM
        // alone on its host, its partition's spare night VM on another), the merge pairs them
        assertThat(Arrays.stream(joined).distinct().count()).isEqualTo(21);
        assertThat(merged.hostsUsed()).isEqualTo(20);
    }

    @Test
    void aPoolSliceKeepsTheUsedAndPinnedSlotsAndMapsPlacementsBothWays() {
        int[] pins = none(4);
        pins[1] = 7;
        PlanningProblem whole = dayAndNight(4, 10, none(4), pins);
        int[] vmSlot = {2, 7, 2, 5};
        PoolSlice slice = PoolSlice.keep(whole, vmSlot, 4);
        assertThat(slice.globalSlot()).containsExactly(0, 2, 5, 7);
        assertThat(slice.problem().pinnedSlot()[1]).isEqualTo(3);
        assertThat(slice.toLocal(vmSlot)).containsExactly(1, 3, 1, 2);
        assertThat(slice.toGlobal(slice.toLocal(vmSlot))).containsExactly(vmSlot);
    }

    @Test
    void apportionGivesEverySlotOnceByLargestRemainder() {
        assertThat(EstatePartitioner.apportion(10, new double[] {0.34, 0.33, 0.33}))
                .containsExactly(4, 3, 3);
        assertThat(EstatePartitioner.apportion(7, new double[] {0.5, 0.5})).containsExactly(4, 3);
    }
}
