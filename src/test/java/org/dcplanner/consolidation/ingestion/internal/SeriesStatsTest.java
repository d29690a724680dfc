package org.dcplanner.consolidation.ingestion.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class SeriesStatsTest {
    @Test
    void meanLinearP95AndPeak() {
        float[] s = new float[21];
        for (int i = 0; i <= 20; i++) s[i] = 20 - i; // 0..20 in reverse
        SeriesStats stats = SeriesStats.of(s);
        assertThat(stats.mean()).isEqualTo(10);
        assertThat(stats.p95()).isCloseTo(19, within(1e-9)); // rank 0.95 * 20 = 19
        assertThat(stats.peak()).isEqualTo(20);
    }
}
