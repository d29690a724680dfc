package org.dcplanner.consolidation.planning.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.time.Instant;
import java.util.List;
import org.dcplanner.consolidation.ingestion.LoadedWorkload;
import org.dcplanner.consolidation.ingestion.Metric;
import org.dcplanner.consolidation.ingestion.TimeGrid;
import org.dcplanner.consolidation.planning.PlanRequest.Sizing;
import org.dcplanner.consolidation.planning.TestWorkloads;
import org.dcplanner.consolidation.planning.internal.DemandSizer.SizedDemand;
import org.dcplanner.consolidation.problem.ApiException;
import org.dcplanner.consolidation.virtualization.OverheadModel;
import org.dcplanner.consolidation.virtualization.VirtualizationApproach;
import org.junit.jupiter.api.Test;

class DemandSizerTest {
    /** Adds 100 MHz of CPU and 64 MiB of memory per VM: shows the overhead is applied after sizing. */
    private static final OverheadModel PLUS_FIXED = new OverheadModel() {
        @Override
        public void hostDemand(
                VirtualizationApproach approach,
                org.dcplanner.consolidation.ingestion.WorkloadVm vm,
                float cpu,
                float mem,
                float disk,
                float net,
                float[] out) {
            out[0] = cpu + 100;
            out[1] = mem + 64;
            out[2] = disk;
            out[3] = net;
        }

        @Override
        public OverheadModel withoutApproachOverhead() {
            throw new UnsupportedOperationException("not used by these tests");
        }
    };

    @Test
    void percentileInterpolatesLinearlyLikeNumpy() {
        assertThat(DemandSizer.percentile(new float[] {4, 1, 3, 2}, 4, 50)).isEqualTo(2.5f);
        assertThat(DemandSizer.percentile(new float[] {4, 1, 3, 2}, 4, 100)).isEqualTo(4f);
        assertThat(DemandSizer.percentile(new float[] {10, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0}, 11, 95))
                .isCloseTo(5f, within(1e-5f));
    }

    @Test
    void keepsOneValuePerStepAndAppliesHeadroomThenOverhead() {
        LoadedWorkload w = TestWorkloads.cpu(new float[] {100, 0, 300}, new float[] {0, 200, 0});
        SizedDemand d = DemandSizer.size(
                w,
                List.of(Metric.CPU, Metric.MEMORY),
                new Sizing(95.0, 20.0, false, 1, false),
                VirtualizationApproach.FULL,
                PLUS_FIXED);
        assertThat(d.steps()).isEqualTo(3);
        assertThat(d.demand()[0][0]).containsExactly(220f, 100f, 460f);
        assertThat(d.demand()[0][1]).containsExactly(100f, 340f, 100f);
        assertThat(d.demand()[1][0]).containsExactly(512 * 1.2f + 64, 512 * 1.2f + 64, 512 * 1.2f + 64);
    }

    @Test
    void keepsOnlyThePlannedResourcesInTheirOrder() {
        LoadedWorkload w = TestWorkloads.cpu(new float[] {100, 0});
        SizedDemand d = DemandSizer.size(
                w,
                List.of(Metric.MEMORY),
                new Sizing(95.0, 0.0, false, 1, false),
                VirtualizationApproach.FULL,
                PLUS_FIXED);
        assertThat(d.demand()).hasDimensions(1, 1);
        assertThat(d.demand()[0][0]).containsExactly(576f, 576f);
    }

    @Test
    void slidingWindowTakesThePercentileAroundEachStep() {
        float[][] out = DemandSizer.windowPercentile(new float[][] {{0, 0, 10, 0, 0}}, 3, 100);
        assertThat(out[0]).containsExactly(0f, 10f, 10f, 10f, 0f);
        float[][] median = DemandSizer.windowPercentile(new float[][] {{0, 4, 10, 2, 0}}, 3, 50);
        assertThat(median[0]).containsExactly(2f, 4f, 4f, 2f, 1f);
    }

    @Test
    void slidingWindowMatchesSortingEachWindowOnRandomSeries() {
        java.util.Random random = new java.util.Random(7);
        for (int w : new int[] {2, 3, 4, 7, 12, 50}) {
            float[][] series = new float[3][97];
            for (float[] s : series) {
                for (int t = 0; t < s.length; t++) s[t] = random.nextInt(20); // many duplicates
            }
            double p = 5 + random.nextInt(95);
            float[][] fast = DemandSizer.windowPercentile(series, w, p);
            for (int vm = 0; vm < series.length; vm++) {
                for (int t = 0; t < series[vm].length; t++) {
                    int from = Math.max(0, t - (w - 1) / 2);
                    int to = Math.min(series[vm].length, t + w / 2 + 1);
                    float[] window = java.util.Arrays.copyOfRange(series[vm], from, to);
                    assertThat(fast[vm][t])
                            .as("w=%d vm=%d t=%d", w, vm, t)
                            .isEqualTo(DemandSizer.percentile(window, window.length, p));
                }
            }
        }
    }

    @Test
    void foldsDaysIntoATypicalDayByTimeOfDayPercentile() {
        int perDay = 288;
        float[] cpu = new float[2 * perDay];
        for (int t = 0; t < perDay; t++) {
            cpu[t] = t;
            cpu[perDay + t] = t + 10;
        }
        TimeGrid grid = new TimeGrid(Instant.parse("2026-01-05T00:00:00Z"), 300, 2 * perDay);
        assertThat(DemandSizer.foldDays(new float[][] {cpu}, grid, 100)[0][7]).isEqualTo(17f);
        assertThat(DemandSizer.foldDays(new float[][] {cpu}, grid, 50)[0][7]).isEqualTo(12f);
    }

    @Test
    void sizingSeriesFoldedAsTheyAreReadEqualsFoldingTheWholeTrace() {
        // 3 VMs, 2.5 days at 1 h starting at 13:00 UTC: what PlanProblemLoader does for a folded plan
        java.util.SplittableRandom random = new java.util.SplittableRandom(7);
        int steps = 60;
        float[][] cpu = new float[3][steps];
        for (float[] s : cpu) for (int t = 0; t < steps; t++) s[t] = (float) (random.nextDouble() * 1000);
        LoadedWorkload month = TestWorkloads.cpu(cpu);
        TimeGrid grid = new TimeGrid(Instant.parse("2026-01-05T13:00:00Z"), 3600, steps);
        month = new LoadedWorkload(month.id(), month.name(), grid, month.vms(), month.series());
        var fold = DemandSizer.dayFolder(grid, 90);
        java.util.Map<Metric, float[][]> folded = new java.util.EnumMap<>(Metric.class);
        month.series().forEach((m, perVm) -> {
            float[][] out = new float[perVm.length][];
            for (int vm = 0; vm < perVm.length; vm++) out[vm] = fold.apply(perVm[vm]);
            folded.put(m, out);
        });
        LoadedWorkload day = new LoadedWorkload(
                month.id(), month.name(), new TimeGrid(Instant.EPOCH, 3600, 24), month.vms(), folded);
        Sizing sizing = new Sizing(90.0, 10.0, true, null, false);
        SizedDemand whole = DemandSizer.size(
                month, List.of(Metric.CPU, Metric.MEMORY), sizing, VirtualizationApproach.FULL, PLUS_FIXED);
        SizedDemand streamed = DemandSizer.size(
                day, List.of(Metric.CPU, Metric.MEMORY), sizing, VirtualizationApproach.FULL, PLUS_FIXED);
        assertThat(streamed.steps()).isEqualTo(24).isEqualTo(whole.steps());
        assertThat(streamed.folded()).isTrue();
        assertThat(streamed.demand()).isDeepEqualTo(whole.demand());
    }

    @Test
    void foldingAlignsSlotsToUtcTimeOfDay() {
        float[] cpu = new float[288];
        for (int t = 0; t < cpu.length; t++) cpu[t] = t;
        TimeGrid noonStart = new TimeGrid(Instant.parse("2026-01-05T12:00:00Z"), 300, 288);
        float[] day = DemandSizer.foldDays(new float[][] {cpu}, noonStart, 95)[0];
        assertThat(day).hasSize(288);
        assertThat(day[0]).isEqualTo(144f); // 00:00 UTC is step 144 of a trace that starts at noon
        assertThat(day[144]).isEqualTo(0f);
    }

    @Test
    void refusesToFoldLessThanADayOrAStepThatDoesNotDivideADay() {
        TimeGrid halfDay = new TimeGrid(Instant.EPOCH, 300, 144);
        assertThatThrownBy(() -> DemandSizer.foldDays(new float[][] {new float[144]}, halfDay, 95))
                .isInstanceOf(ApiException.class)
                .hasMessageContaining("at least one day");
        TimeGrid oddStep = new TimeGrid(Instant.EPOCH, 7 * 60 + 1, 500);
        assertThatThrownBy(() -> DemandSizer.foldDays(new float[][] {new float[500]}, oddStep, 95))
                .isInstanceOf(ApiException.class)
                .hasMessageContaining("divides one day");
    }
}
