package org.dcplanner.consolidation.planning.solver.score;

import java.util.Arrays;

/**
 * Breakout weights per resource, slot and step, laid out like {@link HostLoads}' loads ([r][slot * steps + t]),
 * with each slot's largest weight, which tells {@link HostLoads} when weight x demand still fits an int.
 */
public final class OverflowWeights {
    final int[][] weight;
    private final int[] largest;
    private final int steps;

    public OverflowWeights(int resources, int slots, int steps) {
        this.weight = new int[resources][slots * steps];
        this.largest = new int[slots];
        this.steps = steps;
    }

    /** The largest weight of the slot over its resources and steps. */
    int largest(int slot) {
        return largest[slot];
    }

    /** Sets the slot's weights to one. */
    public void reset(int slot) {
        for (int[] w : weight) {
            Arrays.fill(w, slot * steps, (slot + 1) * steps, 1);
        }
        largest[slot] = 1;
    }

    /** Raises one weight by one (saturating), keeping the slot's largest. */
    void raise(int r, int slot, int t) {
        int i = slot * steps + t;
        if (weight[r][i] < Integer.MAX_VALUE) {
            weight[r][i]++;
            largest[slot] = Math.max(largest[slot], weight[r][i]);
        }
    }
}
