package org.dcplanner.consolidation.planning;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.dcplanner.consolidation.ingestion.LoadedWorkload;
import org.dcplanner.consolidation.ingestion.Metric;
import org.dcplanner.consolidation.inventory.HostCatalog;
import org.dcplanner.consolidation.inventory.HostModel;
import org.dcplanner.consolidation.planning.PlanRequest.Sizing;
import org.dcplanner.consolidation.planning.internal.DemandSizer;
import org.dcplanner.consolidation.planning.internal.PlanProblemFactory;
import org.dcplanner.consolidation.planning.internal.PlanProblemFactory.BuiltProblem;
import org.dcplanner.consolidation.virtualization.VirtualizationApproach;
import org.dcplanner.consolidation.virtualization.VirtualizationOverheadModel;
import org.junit.jupiter.api.Test;

/** virtualization AUTO: each VM's approach and that approach's overhead in its planned demand. */
class AutoVirtualizationTest {
    private static final double[] WATTS = {93.7, 97, 101, 105, 110, 116, 121, 125, 129, 133, 135};
    private static final HostModel ASSISTED = new HostModel(
            "assisted", "with hardware assist", 4, 2660, 8192, 80_000, 125_000, WATTS, 1, 1200, 180, true, "test");
    private static final HostModel PLAIN = new HostModel(
            "plain", "without hardware assist", 4, 2660, 8192, 80_000, 125_000, WATTS, 1, 1200, 180, false, "test");
    private static final HostCatalog CATALOG = TestCatalogs.of(ASSISTED, PLAIN);
    private static final Sizing RAW = new Sizing(100.0, 0.0, false, 1, false);
    // VM 0 runs a paravirtualization-capable guest, VM 1 does not (TestWorkloads.cpu)
    private final LoadedWorkload trace = TestWorkloads.cpu(new float[] {100, 2500, 300}, new float[] {1200, 300, 2000});
    private final VirtualizationOverheadModel overhead = VirtualizationOverheadModel.withDefaults();

    private BuiltProblem build(VirtualizationChoice choice, String... models) {
        List<PlanRequest.PoolEntry> pool = java.util.Arrays.stream(models)
                .map(m -> new PlanRequest.PoolEntry(m, 2))
                .toList();
        PlanRequest r = new PlanRequest(
                        trace.id(),
                        null,
                        pool,
                        List.of(Metric.CPU, Metric.MEMORY),
                        RAW,
                        choice,
                        null,
                        null,
                        null,
                        10,
                        Map.of(),
                        null,
                        null,
                        null,
                        null,
                        null,
                        null)
                .validated(3600, 30);
        return PlanProblemFactory.build(r, trace, CATALOG, overhead);
    }

    private float[][][] sized(VirtualizationApproach a) {
        return DemandSizer.size(trace, List.of(Metric.CPU, Metric.MEMORY), RAW, a, overhead)
                .demand();
    }

    @Test
    void enlightenedGuestsRunParavirtualTheOthersHardwareAssistedOnAnAssistedPool() {
        BuiltProblem b = build(VirtualizationChoice.AUTO, "assisted");
        assertThat(b.vmApproach())
                .containsExactly(VirtualizationApproach.PARAVIRTUAL, VirtualizationApproach.HARDWARE_ASSISTED);
        float[][][] d = b.problem().demand();
        for (int r = 0; r < 2; r++) {
            assertThat(d[r][0]).containsExactly(sized(VirtualizationApproach.PARAVIRTUAL)[r][0]);
            assertThat(d[r][1]).containsExactly(sized(VirtualizationApproach.HARDWARE_ASSISTED)[r][1]);
        }
        // a whole-plan PARAVIRTUAL is refused for this estate; AUTO keeps paravirtualization for the guests that have
        // it
        assertThat(sized(VirtualizationApproach.PARAVIRTUAL)[0][0][1])
                .isLessThan(sized(VirtualizationApproach.FULL)[0][0][1]);
    }

    @Test
    void onAPoolWithAHostWithoutAssistTheOthersRunFull() {
        BuiltProblem b = build(VirtualizationChoice.AUTO, "assisted", "plain");
        assertThat(b.vmApproach()).containsExactly(VirtualizationApproach.PARAVIRTUAL, VirtualizationApproach.FULL);
        assertThat(b.problem().demand()[0][1]).containsExactly(sized(VirtualizationApproach.FULL)[0][1]);
        // no hardware-assist rule binds: every VM's approach runs on every host of the pool
        assertThat(b.problem().approach()).isEqualTo(VirtualizationApproach.FULL);
    }

    @Test
    void aPlacedAutoPlanGivesEachVmItsApproach() {
        PlacedPlan p = new PlacedPlan(
                java.util.UUID.randomUUID(),
                trace.id(),
                VirtualizationApproach.HARDWARE_ASSISTED,
                java.util.Set.of(Metric.CPU),
                1.0,
                List.of(new PlacedPlan.PlannedHost(0, "assisted")),
                new int[] {0, 0},
                RAW,
                0,
                true,
                List.of(),
                null,
                null);
        assertThat(p.approachOf(trace.vms().get(0))).isEqualTo(VirtualizationApproach.PARAVIRTUAL);
        assertThat(p.approachOf(trace.vms().get(1))).isEqualTo(VirtualizationApproach.HARDWARE_ASSISTED);
    }
}
