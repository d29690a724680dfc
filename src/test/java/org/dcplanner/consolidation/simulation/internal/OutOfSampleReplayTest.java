package org.dcplanner.consolidation.simulation.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.dcplanner.consolidation.ingestion.LoadedWorkload;
import org.dcplanner.consolidation.ingestion.Metric;
import org.dcplanner.consolidation.ingestion.TimeGrid;
import org.dcplanner.consolidation.ingestion.WorkloadClass;
import org.dcplanner.consolidation.ingestion.WorkloadVm;
import org.dcplanner.consolidation.planning.PlacedPlan;
import org.dcplanner.consolidation.planning.PlanRequest;
import org.dcplanner.consolidation.simulation.OutOfSampleResult;
import org.dcplanner.consolidation.virtualization.VirtualizationApproach;
import org.dcplanner.consolidation.virtualization.VirtualizationOverheadModel;
import org.junit.jupiter.api.Test;

/** The out-of-sample figures on hand-made series: matching by name, per-resource counts, unplaced and missing VMs. */
class OutOfSampleReplayTest {
    private static final Instant T0 = Instant.parse("2026-01-05T00:00:00Z");
    private static final PlanRequest.Sizing AS_MEASURED = new PlanRequest.Sizing(100.0, 0.0, false, 1, true);

    private static WorkloadVm vm(int index, String name) {
        return new WorkloadVm(index, name, 1, 4000, 1024, "linux", true, WorkloadClass.COMPUTE, null);
    }

    /** Plan: a and b on host 0, c on host 1 (two ML110 G5, 5320 MHz); CPU only, overhead in the trace. */
    private static PlacedPlan plan() {
        return new PlacedPlan(
                UUID.randomUUID(),
                UUID.randomUUID(),
                VirtualizationApproach.FULL,
                Set.of(Metric.CPU),
                1.0,
                List.of(new PlacedPlan.PlannedHost(0, "hp-ml110-g5"), new PlacedPlan.PlannedHost(1, "hp-ml110-g5")),
                new int[] {0, 0, 1},
                AS_MEASURED,
                0,
                false,
                List.of("a", "b", "c"),
                null,
                null);
    }

    /** Another day: d (unknown to the plan), b, a — in another order — and no c. */
    private static LoadedWorkload dayB(float[] a, float[] b) {
        float[][] cpu = {new float[a.length], b, a};
        float[][] memory = {new float[a.length], new float[a.length], new float[a.length]};
        java.util.Arrays.fill(cpu[0], 500);
        return new LoadedWorkload(
                UUID.randomUUID(),
                "day B",
                new TimeGrid(T0, 300, a.length),
                List.of(vm(0, "d"), vm(1, "b"), vm(2, "a")),
                Map.of(Metric.CPU, cpu, Metric.MEMORY, memory));
    }

    @Test
    void countsHostStepsOverCapacityOnThePlannedHostsByName() {
        float[] a = {3000, 3000, 1000, 2000};
        float[] b = {3000, 2000, 1000, 4000};
        OutOfSampleResult r = OutOfSampleReplay.run(
                plan(),
                dayB(a, b),
                List.of(),
                List.of(ReplayFixtures.ml110g5(), ReplayFixtures.ml110g5()),
                VirtualizationOverheadModel.withDefaults(),
                VirtualizationApproach.FULL,
                false);

        assertThat(r.unplacedVms()).containsExactly("d");
        assertThat(r.missingPlanVms()).containsExactly("c");
        assertThat(r.replayedVms()).isEqualTo(2);
        assertThat(r.hosts()).isEqualTo(1);
        OutOfSampleResult.ResourceRisk cpu = r.resources().get(Metric.CPU);
        // host 0 sums 6000, 5000, 2000, 6000 MHz against 5320: steps 0 and 3 over
        assertThat(cpu.hostSteps()).isEqualTo(4);
        assertThat(cpu.hostStepsOverCapacity()).isEqualTo(2);
        assertThat(cpu.hostStepsOverPercent()).isCloseTo(50, within(1e-9));
        assertThat(cpu.hostsEverOverloaded()).isEqualTo(1);
        assertThat(cpu.vmsThatSawOverload()).isEqualTo(2);
        assertThat(cpu.worstOverloadPercent()).isCloseTo((6000 / 5320.0 - 1) * 100, within(1e-3));
        assertThat(cpu.overloadMinutes()).isCloseTo(10, within(1e-9));
        // each VM got 5320/6000 of its CPU in two of its four steps
        assertThat(cpu.meanVmPerformance()).isCloseTo((2 + 2 * 5320 / 6000.0) / 4, within(1e-6));
        assertThat(r.resources()).containsOnlyKeys(Metric.CPU);
        assertThat(r.otherResources()).containsKeys(Metric.MEMORY);
        assertThat(r.worstVms()).extracting(OutOfSampleResult.VmRisk::name).containsExactlyInAnyOrder("a", "b");
        assertThat(r.vms()).hasSize(2);
    }

    @Test
    void aWorkloadWithNoneOfThePlansVmsIsRefused() {
        LoadedWorkload other = new LoadedWorkload(
                UUID.randomUUID(),
                "other",
                new TimeGrid(T0, 300, 2),
                List.of(vm(0, "zz")),
                Map.of(Metric.CPU, new float[][] {{1, 1}}));
        assertThatThrownBy(() -> OutOfSampleReplay.run(
                        plan(),
                        other,
                        List.of(),
                        List.of(ReplayFixtures.ml110g5(), ReplayFixtures.ml110g5()),
                        VirtualizationOverheadModel.withDefaults(),
                        VirtualizationApproach.FULL,
                        false))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("no VM the plan places");
    }

    @Test
    void aWindowKeepsTheStepsStartingInIt() {
        LoadedWorkload w = dayB(new float[] {1, 2, 3, 4}, new float[] {5, 6, 7, 8});
        LoadedWorkload cut = w.window(T0.plusSeconds(301), T0.plusSeconds(900));
        assertThat(cut.grid()).isEqualTo(new TimeGrid(T0.plusSeconds(600), 300, 1));
        assertThat(cut.series(Metric.CPU)[2]).containsExactly(3f);
        assertThat(w.window(null, null)).isSameAs(w);
        assertThatThrownBy(() -> w.window(T0.plusSeconds(1200), null)).isInstanceOf(IllegalArgumentException.class);
    }
}
