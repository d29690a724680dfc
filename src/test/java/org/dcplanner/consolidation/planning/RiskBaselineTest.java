package org.dcplanner.consolidation.planning;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Random;
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
        Random random = new Random(17);
        float[][] cpu = new float[40][288];
        for (float[] s : cpu) {
            for (int t = 0; t < s.length; t++)
                s[t] = (float) Math.max(0, Math.min(4000, 1000 + 500 * random.nextGaussian()));
        }
        LoadedWorkload w = TestWorkloads.cpu(cpu);
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
