package org.dcplanner.consolidation.ingestion;

import java.util.Arrays;
import org.dcplanner.consolidation.ingestion.format.RawVmTrace;

/**
 * Puts one VM's raw samples on the workload's grid. Rules: samples within a step are averaged; inside
 * the VM's span (its first to its last sampled step) a gap of at most {@code maxCarrySteps} steps repeats
 * the previous step's value, a longer gap is zero demand; steps before the first or after the last
 * sample are zero demand (the VM did not exist yet or any more). Each filled step is counted.
 * Linear in samples + steps; the two work arrays are reused across VMs.
 */
final class GridAligner {
    private final TimeGrid grid;
    private final int maxCarrySteps;
    private final double[] sum;
    private final int[] count;
    long carriedSteps;
    long zeroGapSteps;
    long outsideSpanSteps;

    GridAligner(TimeGrid grid, int maxCarrySteps) {
        this.grid = grid;
        this.maxCarrySteps = maxCarrySteps;
        this.sum = new double[grid.steps()];
        this.count = new int[grid.steps()];
    }

    int stepsCount() {
        return grid.steps();
    }

    /** The VM's aligned series of one metric; {@code countGaps} adds its filled steps to the counters. */
    float[] align(RawVmTrace vm, Metric metric, boolean countGaps) {
        Arrays.fill(sum, 0);
        Arrays.fill(count, 0);
        long start = grid.start().getEpochSecond();
        int step = grid.stepSeconds();
        for (int i = 0; i < vm.size(); i++) {
            float v = vm.value(metric, i);
            if (Float.isNaN(v)) continue;
            int s = (int) Math.floorDiv(vm.timestamp(i) - start, step);
            sum[s] += v;
            count[s]++;
        }
        float[] out = new float[grid.steps()];
        int first = -1;
        int last = -1;
        for (int s = 0; s < out.length; s++) {
            if (count[s] > 0) {
                if (first < 0) first = s;
                last = s;
            }
        }
        if (first < 0) return out;
        int s = first;
        while (s <= last) {
            if (count[s] > 0) {
                out[s] = (float) (sum[s] / count[s]);
                s++;
                continue;
            }
            int gapEnd = s;
            while (count[gapEnd] == 0) gapEnd++;
            int gap = gapEnd - s;
            boolean carry = gap <= maxCarrySteps;
            if (carry) Arrays.fill(out, s, gapEnd, out[s - 1]);
            if (countGaps) {
                if (carry) carriedSteps += gap;
                else zeroGapSteps += gap;
            }
            s = gapEnd;
        }
        if (countGaps) outsideSpanSteps += first + (out.length - 1 - last);
        return out;
    }
}
