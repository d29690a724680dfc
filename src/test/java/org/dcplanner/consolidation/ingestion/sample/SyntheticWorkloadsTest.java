package org.dcplanner.consolidation.ingestion.sample;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.fail;

import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.dcplanner.consolidation.ingestion.LoadedWorkload;
import org.dcplanner.consolidation.ingestion.Metric;
import org.dcplanner.consolidation.ingestion.TimeGrid;
import org.dcplanner.consolidation.ingestion.WorkloadClass;
import org.dcplanner.consolidation.ingestion.WorkloadVm;
import org.junit.jupiter.api.Test;

class SyntheticWorkloadsTest {
    private static final int DAY_AT_5_MIN = 288;
    private static final int WEEK_AT_5_MIN = 7 * DAY_AT_5_MIN;

    @Test
    void sameSeedGivesSameVmsAndArrays() {
        LoadedWorkload a = SyntheticWorkloads.generate(7, 80, DAY_AT_5_MIN, 300);
        LoadedWorkload b = SyntheticWorkloads.generate(7, 80, DAY_AT_5_MIN, 300);
        assertThat(b.vms()).isEqualTo(a.vms());
        assertThat(b.id()).isEqualTo(a.id());
        for (Metric m : Metric.values()) assertThat(b.series(m)).isDeepEqualTo(a.series(m));
    }

    @Test
    void differentSeedsGiveDifferentWorkloads() {
        LoadedWorkload a = SyntheticWorkloads.generate(7, 80, DAY_AT_5_MIN, 300, Set.of(Metric.CPU));
        LoadedWorkload b = SyntheticWorkloads.generate(8, 80, DAY_AT_5_MIN, 300, Set.of(Metric.CPU));
        assertThat(java.util.Arrays.deepEquals(a.series(Metric.CPU), b.series(Metric.CPU)))
                .isFalse();
    }

    @Test
    void generatesOnlyTheRequestedMetricsAndTheSameValuesWhicheverAreRequested() {
        LoadedWorkload cpuOnly = SyntheticWorkloads.generate(11, 50, DAY_AT_5_MIN, 300, Set.of(Metric.CPU));
        LoadedWorkload all = SyntheticWorkloads.generate(11, 50, DAY_AT_5_MIN, 300);
        LoadedWorkload diskOnly = SyntheticWorkloads.generate(11, 50, DAY_AT_5_MIN, 300, Set.of(Metric.DISK));
        assertThat(cpuOnly.series()).containsOnlyKeys(Metric.CPU);
        assertThatThrownBy(() -> cpuOnly.series(Metric.MEMORY)).isInstanceOf(IllegalArgumentException.class);
        assertThat(cpuOnly.series(Metric.CPU)).isDeepEqualTo(all.series(Metric.CPU));
        assertThat(diskOnly.series(Metric.DISK)).isDeepEqualTo(all.series(Metric.DISK));
        assertThat(all.series(Metric.CPU)[0]).hasSize(DAY_AT_5_MIN);
        assertThat(all.series(Metric.CPU)).hasNumberOfRows(50);
    }

    @Test
    void valuesAreFiniteNonNegativeAndWithinTheVmSize() {
        LoadedWorkload w = SyntheticWorkloads.generate(3, 300, WEEK_AT_5_MIN, 300);
        for (WorkloadVm vm : w.vms()) {
            int i = vm.index();
            for (int k = 0; k < WEEK_AT_5_MIN; k++) {
                for (Metric m : Metric.values()) {
                    float v = w.series(m)[i][k];
                    if (!(Float.isFinite(v) && v >= 0)) fail("%s %s step %d = %s", vm.name(), m, k, v);
                }
                if (w.series(Metric.CPU)[i][k] > vm.cpuMhz()) fail("%s CPU above its size at step %d", vm.name(), k);
                if (w.series(Metric.MEMORY)[i][k] > vm.memoryMib())
                    fail("%s memory above its size at step %d", vm.name(), k);
            }
        }
    }

    @Test
    void vmSizesAndGroupsAreConsistent() {
        LoadedWorkload w = SyntheticWorkloads.generate(5, 500, 1, 300, Set.of());
        Map<String, List<WorkloadVm>> groups = new HashMap<>();
        for (int i = 0; i < w.vms().size(); i++) {
            WorkloadVm vm = w.vms().get(i);
            assertThat(vm.index()).isEqualTo(i);
            assertThat(vm.cores()).isPositive();
            assertThat(vm.cpuMhz() / vm.cores()).isBetween(2000.0, 3000.0);
            assertThat(vm.memoryMib()).isGreaterThanOrEqualTo(4096);
            assertThat(vm.guestOs()).isIn("linux", "windows");
            if (vm.guestOs().equals("windows")) assertThat(vm.paravirtCapable()).isFalse();
            if (vm.antiAffinityGroup() != null)
                groups.computeIfAbsent(vm.antiAffinityGroup(), g -> new ArrayList<>())
                        .add(vm);
        }
        assertThat(w.vms().stream().map(WorkloadVm::name).distinct()).hasSize(500);
        assertThat(w.vms().stream().map(WorkloadVm::workloadClass).distinct()).hasSize(WorkloadClass.values().length);
        assertThat(groups).isNotEmpty();
        groups.forEach((group, members) -> {
            assertThat(members).as(group).hasSizeGreaterThanOrEqualTo(2);
            assertThat(members.stream().map(WorkloadVm::workloadClass).distinct())
                    .as(group)
                    .singleElement()
                    .isIn(WorkloadClass.WEB, WorkloadClass.DATABASE);
        });
    }

    @Test
    void webTiersPeakByDayAndBatchRunsAtNight() {
        LoadedWorkload w = SyntheticWorkloads.generate(21, 300, WEEK_AT_5_MIN, 300, Set.of(Metric.CPU));
        int web = 0, batch = 0;
        for (WorkloadVm vm : w.vms()) {
            float[] cpu = w.series(Metric.CPU)[vm.index()];
            if (vm.workloadClass() == WorkloadClass.WEB) {
                web++;
                assertThat(meanBetweenHours(w, cpu, 10, 18))
                        .as(vm.name())
                        .isGreaterThan(1.5 * meanBetweenHours(w, cpu, 1, 5));
            } else if (vm.workloadClass() == WorkloadClass.BATCH_IO) {
                batch++;
                assertThat(meanBetweenHours(w, cpu, 20, 32))
                        .as(vm.name())
                        .isGreaterThan(2 * meanBetweenHours(w, cpu, 9, 17));
            }
        }
        assertThat(web).isGreaterThan(50);
        assertThat(batch).isGreaterThan(20);
    }

    @Test
    void weekendsAreQuieterForWebTiers() {
        LoadedWorkload w = SyntheticWorkloads.generate(21, 200, WEEK_AT_5_MIN, 300, Set.of(Metric.CPU));
        double weekday = 0, weekend = 0;
        for (WorkloadVm vm : w.vms()) {
            if (vm.workloadClass() != WorkloadClass.WEB) continue;
            float[] cpu = w.series(Metric.CPU)[vm.index()];
            for (int k = 0; k < WEEK_AT_5_MIN; k++) {
                if (k < 5 * DAY_AT_5_MIN) weekday += cpu[k] / 5.0;
                else weekend += cpu[k] / 2.0;
            }
        }
        assertThat(weekend).isLessThan(0.9 * weekday);
    }

    @Test
    void multiplexingGainIsRealButNotTrivial() {
        LoadedWorkload w = SyntheticWorkloads.generate(99, 500, DAY_AT_5_MIN, 300, Set.of(Metric.CPU));
        float[][] cpu = w.series(Metric.CPU);
        double sumOfPeaks = 0;
        double[] aggregate = new double[DAY_AT_5_MIN];
        for (float[] row : cpu) {
            double peak = 0;
            for (int k = 0; k < row.length; k++) {
                peak = Math.max(peak, row[k]);
                aggregate[k] += row[k];
            }
            sumOfPeaks += peak;
        }
        double aggregatePeak = java.util.Arrays.stream(aggregate).max().orElseThrow();
        // PlanetLab 2011-03-03 has 0.29, Bitbrains Rnd 0.37 (../shared/traces/README.md)
        assertThat(aggregatePeak / sumOfPeaks).isBetween(0.3, 0.85);
    }

    @Test
    void membersOfATierMoveTogetherWhileDifferentClassesDoNot() {
        LoadedWorkload w = SyntheticWorkloads.generate(4, 200, DAY_AT_5_MIN, 300, Set.of(Metric.CPU));
        float[][] cpu = w.series(Metric.CPU);
        List<WorkloadVm> vms = w.vms();
        double within = 0, across = 0;
        int withinPairs = 0, acrossPairs = 0;
        for (int i = 0; i < vms.size(); i++) {
            for (int j = i + 1; j < vms.size(); j++) {
                WorkloadVm a = vms.get(i), b = vms.get(j);
                boolean sameWebTier = a.workloadClass() == WorkloadClass.WEB
                        && a.antiAffinityGroup() != null
                        && a.antiAffinityGroup().equals(b.antiAffinityGroup());
                boolean webAndBatch = a.workloadClass() == WorkloadClass.WEB
                                && b.workloadClass() == WorkloadClass.BATCH_IO
                        || b.workloadClass() == WorkloadClass.WEB && a.workloadClass() == WorkloadClass.BATCH_IO;
                if (sameWebTier) {
                    within += correlation(cpu[i], cpu[j]);
                    withinPairs++;
                }
                if (webAndBatch) {
                    across += correlation(cpu[i], cpu[j]);
                    acrossPairs++;
                }
            }
        }
        assertThat(withinPairs).isPositive();
        assertThat(within / withinPairs).isBetween(0.7, 0.995);
        assertThat(across / acrossPairs).isLessThan(0.0);
    }

    @Test
    void followsTheGridStartAndStep() {
        TimeGrid grid = new TimeGrid(Instant.parse("2026-03-02T12:00:00Z"), 10, 8640);
        LoadedWorkload w = SyntheticWorkloads.generate(1, 3, grid, EnumSet.of(Metric.MEMORY));
        assertThat(w.grid()).isEqualTo(grid);
        assertThat(w.series(Metric.MEMORY)[2]).hasSize(8640);
        assertThat(w.name()).contains("seed1");
    }

    @Test
    void rejectsAnEmptyWorkload() {
        assertThatThrownBy(() -> SyntheticWorkloads.generate(1, 0, 10, 300))
                .isInstanceOf(IllegalArgumentException.class);
    }

    /** Mean over all days of the steps whose time of day lies in [fromHour, toHour); toHour may pass 24. */
    private static double meanBetweenHours(LoadedWorkload w, float[] series, int fromHour, int toHour) {
        double sum = 0;
        int n = 0;
        int stepsPerHour = 3600 / w.grid().stepSeconds();
        for (int k = 0; k < series.length; k++) {
            int hour = (k / stepsPerHour) % 24;
            if (hour >= fromHour && hour < toHour || hour + 24 >= fromHour && hour + 24 < toHour) {
                sum += series[k];
                n++;
            }
        }
        return sum / n;
    }

    private static double correlation(float[] x, float[] y) {
        double mx = 0, my = 0;
        for (int k = 0; k < x.length; k++) {
            mx += x[k];
            my += y[k];
        }
        mx /= x.length;
        my /= y.length;
        double sxy = 0, sxx = 0, syy = 0;
        for (int k = 0; k < x.length; k++) {
            sxy += (x[k] - mx) * (y[k] - my);
            sxx += (x[k] - mx) * (x[k] - mx);
            syy += (y[k] - my) * (y[k] - my);
        }
        return sxy / Math.sqrt(sxx * syy);
    }
}
