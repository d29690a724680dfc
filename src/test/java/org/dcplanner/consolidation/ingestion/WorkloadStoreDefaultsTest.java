package org.dcplanner.consolidation.ingestion;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** What a WorkloadStore that only loads whole traces gets from the interface: reduced loads and series walks. */
class WorkloadStoreDefaultsTest {
    private static final TimeGrid HOURLY = new TimeGrid(Instant.parse("2026-01-05T00:00:00Z"), 3600, 4);

    /** A store that knows only whole loads: two VMs, CPU only. */
    private static final WorkloadStore WHOLE_ONLY = new WorkloadStore() {
        @Override
        public boolean exists(UUID workloadId) {
            return true;
        }

        @Override
        public LoadedWorkload load(UUID workloadId, Set<Metric> metrics) {
            Map<Metric, float[][]> series = new EnumMap<>(Metric.class);
            if (metrics.contains(Metric.CPU)) series.put(Metric.CPU, new float[][] {{1, 5, 2, 8}, {3, 3, 9, 1}});
            List<WorkloadVm> vms = List.of(vm(0, "web-1"), vm(1, "db-1"));
            return new LoadedWorkload(workloadId, "two VMs", HOURLY, vms, series);
        }

        @Override
        public CurrentEstate estate(UUID workloadId) {
            return CurrentEstate.none();
        }
    };

    @Test
    void aReducedLoadPassesEachSeriesThroughTheReducerOnTheReducedGrid() {
        TimeGrid daily = new TimeGrid(HOURLY.start(), 4 * 3600, 1);
        LoadedWorkload peaks = WHOLE_ONLY.load(UUID.randomUUID(), Set.of(Metric.CPU), daily, s -> {
            float max = 0;
            for (float v : s) max = Math.max(max, v);
            return new float[] {max};
        });

        assertThat(peaks.grid()).isEqualTo(daily);
        assertThat(peaks.series().get(Metric.CPU)).isDeepEqualTo(new float[][] {{8}, {9}});
        assertThat(peaks.vms()).extracting(WorkloadVm::name).containsExactly("web-1", "db-1");
    }

    @Test
    void aSeriesWalkVisitsEveryVmInIndexOrder() {
        List<String> seen = new ArrayList<>();
        WHOLE_ONLY.forEachSeries(UUID.randomUUID(), Metric.CPU, (s, vm) -> seen.add(vm + ":" + s[3]));

        assertThat(seen).containsExactly("0:8.0", "1:1.0");
    }

    @Test
    void aStoreThatCannotCountItsValuesSaysZero() {
        assertThat(WHOLE_ONLY.storedCells(UUID.randomUUID())).isZero();
    }

    private static WorkloadVm vm(int index, String name) {
        return new WorkloadVm(index, name, 2, 4000, 4096, "linux", true, WorkloadClass.WEB, null, null);
    }
}
