package org.dcplanner.consolidation.simulation.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumSet;
import org.dcplanner.consolidation.ingestion.Metric;
import org.junit.jupiter.api.Test;

class HostSeriesStorageTest {

    @Test
    void seriesRoundTripThroughTheStoredFormat() {
        float[][] series = {{0.1f, 0.5f, 1.25f}, {0f, 0f, 0f}, {2f, 3f, 4f}, {Float.MIN_VALUE, 1e-7f, 7f}};
        assertThat(SimulationRunStore.decode(SimulationRunStore.encode(series))).isDeepEqualTo(series);
    }

    @Test
    void onlyTheWantedResourcesAreDecoded() {
        float[][] series = {{1f, 2f}, {3f, 4f}, {5f, 6f}, {7f, 8f}};
        byte[] stored = SimulationRunStore.encode(series);
        float[][] cpu = SimulationRunStore.decode(stored, EnumSet.of(Metric.CPU));
        assertThat(cpu[0]).containsExactly(1f, 2f);
        assertThat(cpu[1]).isNull();
        assertThat(cpu[3]).isNull();
        float[][] diskAndNetwork = SimulationRunStore.decode(stored, EnumSet.of(Metric.DISK, Metric.NETWORK));
        assertThat(diskAndNetwork[0]).isNull();
        assertThat(diskAndNetwork[2]).containsExactly(5f, 6f);
        assertThat(diskAndNetwork[3]).containsExactly(7f, 8f);
    }

    @Test
    void oversizedSeriesKeepTheMaxOfEachBucketPerHost() {
        // 4 resources x 2 hosts x 6 steps = 48 values, cap 24 -> buckets of 2 steps
        float[][] series = new float[4][12];
        for (int r = 0; r < 4; r++) {
            for (int i = 0; i < 12; i++) series[r][i] = r * 100 + i;
        }
        float[][] out = SimulationRunStore.bounded(series, 2, 6, 24);
        assertThat(out[0]).containsExactly(1, 3, 5, 7, 9, 11);
        assertThat(out[3]).containsExactly(301, 303, 305, 307, 309, 311);
        assertThat(SimulationRunStore.bounded(series, 2, 6, 48)).isSameAs(series);
    }
}
