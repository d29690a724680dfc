package org.dcplanner.consolidation.simulation;

import static org.assertj.core.api.Assertions.assertThat;

import org.dcplanner.consolidation.ingestion.Metric;
import org.junit.jupiter.api.Test;

class TimeSeriesFirstFitTest {

    @Test
    void antiPhaseVmsShareAHostThatTheirPeaksWouldNot() {
        // 4 VMs peaking at 3 of a 4-unit host, in anti-phase pairs: peaks need 4 hosts, the series 2
        float[][][] demand = new float[4][4][];
        for (int v = 0; v < 4; v++) {
            demand[Metric.CPU.ordinal()][v] = v % 2 == 0 ? new float[] {3, 1, 3, 1} : new float[] {1, 3, 1, 3};
            for (int r = 1; r < 4; r++) demand[r][v] = new float[4];
        }
        double[] cap = {4, 10, 10, 10};
        TimeSeriesFirstFit.Packing p = TimeSeriesFirstFit.pack(demand, cap, 4);
        assertThat(p.hosts()).isEqualTo(2);
        assertThat(p.vmHost()).containsExactly(0, 0, 1, 1);
        assertThat(p.bindingResource()).isEqualTo(Metric.CPU);
        assertThat(p.peakUtilization()[Metric.CPU.ordinal()]).isEqualTo(1.0);
    }

    @Test
    void memoryBindsWhenItFillsFirstAndBiggestVmsGoFirst() {
        float[][][] demand = new float[4][3][];
        float[][] mem = {{2}, {6}, {5}};
        for (int v = 0; v < 3; v++) {
            demand[Metric.CPU.ordinal()][v] = new float[] {1};
            demand[Metric.MEMORY.ordinal()][v] = mem[v];
            demand[Metric.DISK.ordinal()][v] = new float[1];
            demand[Metric.NETWORK.ordinal()][v] = new float[1];
        }
        TimeSeriesFirstFit.Packing p = TimeSeriesFirstFit.pack(demand, new double[] {10, 8, 1, 1}, 1);
        // decreasing by memory share: vm1 (6) -> host 0, vm2 (5) -> host 1, vm0 (2) -> host 0 (6 + 2 = 8 fits)
        assertThat(p.vmHost()).containsExactly(0, 0, 1);
        assertThat(p.hosts()).isEqualTo(2);
        assertThat(p.bindingResource()).isEqualTo(Metric.MEMORY);
    }
}
