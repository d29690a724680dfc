package org.dcplanner.consolidation.planning.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.UUID;
import org.dcplanner.consolidation.ingestion.LoadedWorkload;
import org.dcplanner.consolidation.ingestion.Metric;
import org.dcplanner.consolidation.planning.PlanRequest;
import org.dcplanner.consolidation.planning.PlanRequest.PoolEntry;
import org.dcplanner.consolidation.planning.PlanRequest.Sizing;
import org.dcplanner.consolidation.planning.TestWorkloads;
import org.dcplanner.consolidation.problem.ApiException;
import org.dcplanner.consolidation.virtualization.VirtualizationApproach;
import org.dcplanner.consolidation.virtualization.VirtualizationOverheadModel;
import org.junit.jupiter.api.Test;

/** The percentile a plan shows is the percentile applied: the default window, the risk mode's validation, sizingApplied. */
class SizingDefaultsTest {
    private static final List<Metric> CPU = List.of(Metric.CPU);

    private static PlanRequest request(Sizing sizing) {
        return new PlanRequest(
                        UUID.randomUUID(),
                        null,
                        List.of(new PoolEntry("hp-ml110-g5", 10)),
                        CPU,
                        sizing,
                        org.dcplanner.consolidation.planning.VirtualizationChoice.FULL,
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        null)
                .validated(3600, 30);
    }

    private static float[][] size(LoadedWorkload w, Sizing s) {
        return DemandSizer.size(
                        w,
                        CPU,
                        s,
                        VirtualizationApproach.FULL,
                        VirtualizationOverheadModel.withDefaults().withoutApproachOverhead())
                .demand()[0];
    }

    @Test
    void withTheDefaultWindowP50AndP100GiveDifferentDemand() {
        float[] varying = new float[288];
        for (int t = 0; t < varying.length; t++) varying[t] = t % 3 == 0 ? 3000 : 500;
        LoadedWorkload w = TestWorkloads.cpu(varying);
        Sizing p50 = request(new Sizing(50.0, null, null, null, true)).sizing();
        Sizing p100 = request(new Sizing(100.0, null, null, null, true)).sizing();
        assertThat(p50.windowSteps())
                .as("absent window stays absent: one hour, resolved when sizing")
                .isNull();
        float[] median = size(w, p50)[0];
        float[] peak = size(w, p100)[0];
        assertThat(peak[100]).isEqualTo(3000f);
        assertThat(median[100]).isEqualTo(500f);
        // an explicit one-step window is the raw series, where the percentile has no effect (and the plan says so)
        assertThat(size(w, new Sizing(50.0, 0.0, false, 1, true))[0])
                .containsExactly(size(w, new Sizing(100.0, 0.0, false, 1, true))[0]);
        assertThat(SizingApplied.of(new Sizing(50.0, 0.0, false, 1, true), 300, false)
                        .percentileHasEffect())
                .isFalse();
        SizingApplied applied = SizingApplied.of(p50, 300, false);
        assertThat(applied.windowSteps()).isEqualTo(12);
        assertThat(applied.windowMinutes()).isEqualTo(60.0);
        assertThat(applied.percentileHasEffect()).isTrue();
        assertThat(applied.summary())
                .isEqualTo("p50 over a centered window of 12 steps (60 min) around each step, "
                        + "overhead already in the trace (none added)");
    }

    @Test
    void riskModeTakesATargetInItsRangeAndNoPercentile() {
        Sizing risk = request(new Sizing(null, null, null, null, null, 0.1)).sizing();
        assertThat(risk.riskTargeted()).isTrue();
        assertThat(risk.percentile()).isNull();
        assertThat(risk.headroomPercent()).isZero();
        assertThat(SizingApplied.of(risk, 300, true).summary()).startsWith("overload risk target 0.1 % of host-steps");
        for (double bad : new double[] {0, 0.0005, 50.5, -1}) {
            assertThatThrownBy(() -> request(new Sizing(null, null, null, null, null, bad)))
                    .isInstanceOfSatisfying(
                            ApiException.class, e -> assertThat(e.getMessage()).contains("overloadRiskPercent"));
        }
        assertThatThrownBy(() -> request(new Sizing(95.0, null, null, null, null, 0.1)))
                .isInstanceOf(ApiException.class)
                .hasMessageContaining("either sizing.percentile or sizing.overloadRiskPercent");
        assertThatThrownBy(() -> request(new Sizing(null, null, true, null, null, 0.1)))
                .isInstanceOf(ApiException.class)
                .hasMessageContaining("leave windowSteps and foldDays out");
    }
}
