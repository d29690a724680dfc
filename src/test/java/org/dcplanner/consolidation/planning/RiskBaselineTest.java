package org.dcplanner.consolidation.planning;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.dcplanner.consolidation.ingestion.LoadedWorkload;
import org.dcplanner.consolidation.ingestion.Metric;
import org.dcplanner.consolidation.inventory.HostModel;
import org.dcplanner.consolidation.inventory.internal.BuiltInModelsCatalog;
import org.dcplanner.consolidation.planning.PlanRequest.Sizing;
import org.dcplanner.consolidation.virtualization.OverheadModel;
import org.dcplanner.consolidation.virtualization.VirtualizationApproach;
import org.dcplanner.consolidation.virtualization.VirtualizationOverheadModel;
import org.junit.jupiter.api.Test;

/** "Hosts needed" outside the solver (approach comparison) packs a risk plan's effective demand, not its means. */
class RiskBaselineTest {
    @Test
    void aRiskTargetedBaselinePacksMoreThanTheScenarioMeans() {
        LoadedWorkload w = TestWorkloads.cpu(TestWorkloads.noisyCpu(17, 40, 1000, 500, 4000));
        HostModel g5 = new BuiltInModelsCatalog().find("hp-ml110-g5").orElseThrow();
        OverheadModel inTrace = VirtualizationOverheadModel.withDefaults();
        List<Metric> resources = List.of(Metric.CPU);
        int median = BaselineHosts.timeSeriesFfd(
                        w,
                        resources,
                        new Sizing(50.0, 0.0, false, null, true),
                        VirtualizationApproach.FULL,
                        inTrace.withoutApproachOverhead(),
                        g5,
                        1.0)
                .hosts();
        int risk = BaselineHosts.timeSeriesFfd(
                        w,
                        resources,
                        new Sizing(null, 0.0, null, null, true, 0.1),
                        VirtualizationApproach.FULL,
                        inTrace.withoutApproachOverhead(),
                        g5,
                        1.0)
                .hosts();
        assertThat(risk).isGreaterThan(median);
    }
}
