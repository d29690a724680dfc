package org.dcplanner.consolidation.simulation.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Set;
import org.dcplanner.consolidation.ingestion.Metric;
import org.dcplanner.consolidation.simulation.internal.ReplayResult.Summary;
import org.dcplanner.consolidation.virtualization.VirtualizationApproach;
import org.dcplanner.consolidation.virtualization.VirtualizationOverheadModel;
import org.junit.jupiter.api.Test;

class ReplayLossAttributionTest {
    private final VirtualizationOverheadModel model = VirtualizationOverheadModel.withDefaults();

    @Test
    void cpuOnlyPlanWithOvercommittedMemoryBlamesMemoryAndWarns() {
        // two 3000 MiB VMs on one 4096 MiB ML110 G4 with little CPU: only memory is short
        float[][] cpu = {{500, 500}, {500, 500}};
        ReplayInput base = ReplayFixtures.cpuOnly(
                VirtualizationApproach.PARAVIRTUAL,
                model,
                cpu,
                ReplayFixtures.pureCpu(),
                List.of(ReplayFixtures.ml110g4()),
                new int[] {0, 0});
        ReplayInput in = ReplayInput.builder()
                .approach(base.approach(), model)
                .demand(300, 2, cpu, null, null, null)
                .vms(base.profiles(), base.vcpus(), base.configuredCpuMhz(), new double[] {3000, 3000})
                .placement(base.hosts(), base.vmHost())
                .record(true, false)
                .build();
        Summary s = Replay.run(in).summary();

        assertThat(s.overloadedHosts()).isEqualTo(1);
        assertThat(s.overloadedHostsByResource())
                .containsEntry(Metric.MEMORY, 1)
                .containsEntry(Metric.CPU, 0);
        assertThat(s.slatah()).as("SLATAH stays CPU-only").isZero();
        assertThat(s.vmsEverThrottled()).isEqualTo(2);
        assertThat(s.mainLoss()).isEqualTo(LossCause.MEMORY_OVERCOMMIT);
        assertThat(s.performanceLoss().get(LossCause.CPU_CAPACITY)).isZero();
        // memory grant = capacity ÷ demand; pure CPU under PARAVIRTUAL has no other loss
        double peak = s.peakUtilizationByResource().get(Metric.MEMORY);
        assertThat(peak).isGreaterThan(1.4);
        assertThat(s.meanPerformance()).isCloseTo(1 / peak, within(1e-5));
        assertThat(s.meanApproachPerformance()).isCloseTo(1.0, within(1e-6));
        double lossSum = s.performanceLoss().values().stream()
                .mapToDouble(Double::doubleValue)
                .sum();
        assertThat(lossSum).isCloseTo(1 - s.meanPerformance(), within(1e-6));

        assertThat(PlanWarnings.of(s, Set.of(Metric.CPU)))
                .containsExactly(String.format(
                        java.util.Locale.ROOT,
                        "MEMORY overcommitted on 1 of 1 hosts (peak %.0f %%): the plan did not check MEMORY",
                        100 * peak));
        assertThat(PlanWarnings.of(s, Set.of(Metric.CPU, Metric.MEMORY)).get(0)).doesNotContain("did not check");
    }

    @Test
    void constantApproachSlowdownIsNotAShortfall() {
        // web class under FULL on a huge host: every VM runs slower than native, none is squeezed
        float[][] cpu = {{800, 400}, {300, 700}};
        ReplayResult r = Replay.run(ReplayFixtures.cpuOnly(
                VirtualizationApproach.FULL,
                model,
                cpu,
                model.parameters().classes().web(),
                List.of(ReplayFixtures.huge()),
                new int[] {0, 0}));
        Summary s = r.summary();
        assertThat(s.meanPerformance()).isLessThan(0.9);
        assertThat(s.vmsEverThrottled()).isZero();
        assertThat(s.overloadedHosts()).isZero();
        assertThat(s.meanApproachPerformance()).isCloseTo(s.meanPerformance(), within(1e-9));
        assertThat(s.performanceLoss().get(LossCause.VIRTUALIZATION_OVERHEAD))
                .isCloseTo(1 - s.meanPerformance(), within(1e-9));
        assertThat(r.vms()).allSatisfy(v -> {
            assertThat(v.throttledSteps()).isZero();
            assertThat(v.meanApproachPerformance()).isCloseTo(v.meanPerformance(), within(1e-9));
        });
    }

    @Test
    void cpuContentionIsAShortfallAndSplitFromTheApproachSlowdown() {
        // two 1860 MHz VMs + a third 1860 MHz on one 3720 MHz ML110 G4 under PARAVIRTUAL, pure CPU: grant 2/3
        float[][] cpu = {{1860}, {1860}, {1860}};
        ReplayResult r = Replay.run(ReplayFixtures.cpuOnly(
                VirtualizationApproach.PARAVIRTUAL,
                model,
                cpu,
                ReplayFixtures.pureCpu(),
                List.of(ReplayFixtures.ml110g4()),
                new int[] {0, 0, 0}));
        Summary s = r.summary();
        assertThat(s.vmsEverThrottled()).isEqualTo(3);
        assertThat(s.overloadedHostsByResource()).containsEntry(Metric.CPU, 1).containsEntry(Metric.MEMORY, 0);
        assertThat(s.meanPerformance()).isCloseTo(2.0 / 3, within(1e-6));
        assertThat(s.performanceLoss().get(LossCause.CPU_CAPACITY)).isCloseTo(1.0 / 3, within(1e-6));
        assertThat(s.mainLoss()).isEqualTo(LossCause.CPU_CAPACITY);
        assertThat(r.hosts().get(0).overloadStepsByResource()).containsEntry(Metric.CPU, 1);
        assertThat(PlanWarnings.of(s, Set.of(Metric.CPU, Metric.MEMORY))).isEmpty();
    }
}
