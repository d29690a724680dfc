package org.dcplanner.consolidation.planning;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.dcplanner.consolidation.ingestion.LoadedWorkload;
import org.dcplanner.consolidation.ingestion.Metric;
import org.dcplanner.consolidation.inventory.HostCatalog;
import org.dcplanner.consolidation.inventory.HostModel;
import org.dcplanner.consolidation.planning.PlanRequest.Sizing;
import org.dcplanner.consolidation.planning.internal.PlanProblemFactory;
import org.dcplanner.consolidation.planning.internal.PlanProblemFactory.BuiltProblem;
import org.dcplanner.consolidation.virtualization.VirtualizationApproach;
import org.dcplanner.consolidation.virtualization.VirtualizationOverheadModel;
import org.junit.jupiter.api.Test;

/** {@code sizing.overheadInTrace}: the planner packs the sized series as measured, with the real overhead model. */
class OverheadInTraceSizingTest {
    private static final HostModel G5 = new HostModel(
            "hp-ml110-g5",
            "g5 with hardware assist",
            2,
            2660,
            4096,
            80_000,
            125_000,
            new double[] {93.7, 97, 101, 105, 110, 116, 121, 125, 129, 133, 135},
            1,
            1200,
            180,
            true,
            "test");
    private static final HostCatalog CATALOG = new HostCatalog() {
        @Override
        public List<HostModel> all() {
            return List.of(G5);
        }

        @Override
        public List<HostModel> builtIns() {
            return List.of(G5);
        }

        @Override
        public Optional<HostModel> find(String id) {
            return G5.id().equals(id) ? Optional.of(G5) : Optional.empty();
        }

        @Override
        public void holdModels(java.util.Collection<String> ids) {
            // nothing is stored in this test
        }
    };

    // VM 1 demands 4500 MHz at step 2, above its configured 2 x 2000 MHz: the vCPU cap still applies
    private final LoadedWorkload trace =
            TestWorkloads.cpu(new float[] {100, 2500, 300, 0}, new float[] {1200, 0, 4500, 800});

    private PlanRequest request(Boolean overheadInTrace, List<Metric> resources, VirtualizationApproach approach) {
        return new PlanRequest(
                        trace.id(),
                        null,
                        List.of(new PlanRequest.PoolEntry("hp-ml110-g5", 4)),
                        resources,
                        new Sizing(100.0, 0.0, false, 1, overheadInTrace),
                        VirtualizationChoice.valueOf(approach.name()),
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
    }

    private BuiltProblem build(Boolean overheadInTrace, List<Metric> resources, VirtualizationApproach approach) {
        return PlanProblemFactory.build(
                request(overheadInTrace, resources, approach),
                trace,
                CATALOG,
                VirtualizationOverheadModel.withDefaults());
    }

    @Test
    void withTheFlagCpuDemandIsTheRawSeriesCappedAtTheVcpus() {
        for (VirtualizationApproach approach :
                List.of(VirtualizationApproach.FULL, VirtualizationApproach.HARDWARE_ASSISTED)) {
            float[][] cpu = build(true, List.of(Metric.CPU), approach).problem().demand()[0];
            assertThat(cpu[0]).containsExactly(100f, 2500f, 300f, 0f);
            assertThat(cpu[1]).containsExactly(1200f, 0f, 4000f, 800f);
        }
    }

    @Test
    void withTheFlagMemoryIsTheMeasuredSeriesWithoutPerVmOverhead() {
        float[][] memory = build(true, List.of(Metric.MEMORY), VirtualizationApproach.FULL)
                .problem()
                .demand()[0];
        assertThat(memory[0]).containsOnly(512f);
        assertThat(memory[1]).containsOnly(512f);
    }

    @Test
    void withoutTheFlagTheApproachOverheadIsAddedAsBefore() {
        assertThat(request(null, List.of(Metric.CPU), VirtualizationApproach.FULL)
                        .sizing()
                        .overheadInTrace())
                .isFalse();
        float[][] cpu = build(false, List.of(Metric.CPU), VirtualizationApproach.FULL)
                .problem()
                .demand()[0];
        assertThat(cpu[0][1]).isGreaterThan(2500f * 1.1f);
        float[][] memory = build(false, List.of(Metric.MEMORY), VirtualizationApproach.FULL)
                .problem()
                .demand()[0];
        assertThat(memory[0][0]).isGreaterThan(512f + 100f);
    }
}
