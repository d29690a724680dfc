package org.dcplanner.consolidation.ingestion.internal;

import java.util.Arrays;
import org.dcplanner.consolidation.ingestion.Metric;
import org.dcplanner.consolidation.ingestion.TimeGrid;
import org.dcplanner.consolidation.ingestion.format.VmTrace;

/**
 * Places one VM's binned steps on the workload's grid and fills the steps without samples. Rules:
 * inside the VM's span (its first to its last sampled step) a gap of at most {@code maxCarrySteps} steps
 * repeats the previous step's value, a longer gap is zero demand; steps before the first or after the
 * last sample are zero demand (the VM did not exist yet or any more). Filled steps are counted.
 * Linear in the grid's steps.
 */
final class GridAligner {
    private final long gridFirstSlot;
    private final int steps;
    private final int maxCarrySteps;
    long carriedSteps;
    long zeroGapSteps;
    long outsideSpanSteps;

    GridAligner(TimeGrid grid, int maxCarrySteps) {
        this.gridFirstSlot = grid.start().getEpochSecond() / grid.stepSeconds();
        this.steps = grid.steps();
        this.maxCarrySteps = maxCarrySteps;
    }

    int stepsCount() {
        return steps;
    }

    /** The VM's series of one metric on the grid; {@code countGaps} adds its filled steps to the counters. */
    float[] align(VmTrace vm, Metric metric, boolean countGaps) {
        float[] out = new float[steps];
        int offset = (int) (vm.firstSlot() - gridFirstSlot);
        int first = -1;
        int last = -1;
        for (int i = 0; i < vm.extent(); i++) {
            if (!Float.isNaN(vm.slot(metric, i))) {
                if (first < 0) first = i;
                last = i;
            }
        }
        if (first < 0) {
            if (countGaps) outsideSpanSteps += steps;
            return out;
        }
        int i = first;
        while (i <= last) {
            float v = vm.slot(metric, i);
            if (!Float.isNaN(v)) {
                out[offset + i++] = v;
                continue;
            }
            int gapEnd = i;
            while (Float.isNaN(vm.slot(metric, gapEnd))) gapEnd++;
            int gap = gapEnd - i;
            boolean carry = gap <= maxCarrySteps;
            if (carry) Arrays.fill(out, offset + i, offset + gapEnd, out[offset + i - 1]);
            if (countGaps) {
                if (carry) carriedSteps += gap;
                else zeroGapSteps += gap;
            }
            i = gapEnd;
        }
        if (countGaps) outsideSpanSteps += steps - (last - first + 1);
        return out;
    }
}
