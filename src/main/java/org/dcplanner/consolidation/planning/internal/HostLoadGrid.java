package org.dcplanner.consolidation.planning.internal;

import org.dcplanner.consolidation.planning.solver.domain.PlanningProblem;

/**
 * Per host, per row (resources and density limits) and step, the sum of its VMs' sized demand: what "fits" means
 * for the move budget and for the order of an action plan (a host is within capacity at every step).
 */
final class HostLoadGrid {
    /** Slack for float sums: a VM fits when the load exceeds capacity by less than this share. */
    private static final double TOLERANCE = 1e-6;

    private final PlanningProblem problem;
    private final double[][][] load;
    private final int[] vmCount;

    HostLoadGrid(PlanningProblem problem) {
        this.problem = problem;
        this.load = new double[problem.slots().size()][problem.rows()][problem.steps()];
        this.vmCount = new int[problem.slots().size()];
    }

    void add(int vm, int slot) {
        change(vm, slot, 1);
    }

    void remove(int vm, int slot) {
        change(vm, slot, -1);
    }

    private void change(int vm, int slot, int sign) {
        float[][][] d = problem.demand();
        for (int r = 0; r < load[slot].length; r++) {
            double[] l = load[slot][r];
            float[] dv = d[r][vm];
            for (int t = 0; t < l.length; t++) l[t] += sign * dv[t];
        }
        vmCount[slot] += sign;
    }

    int vms(int slot) {
        return vmCount[slot];
    }

    /**
     * The slot's highest load share (any row, any step) with {@code vm} added, or +infinity when the VM does not
     * fit at some step.
     */
    double shareWith(int vm, int slot) {
        float[][][] d = problem.demand();
        double[] capacity = problem.slots().get(slot).capacity();
        double worst = 0;
        for (int r = 0; r < load[slot].length; r++) {
            double cap = capacity[r];
            double[] l = load[slot][r];
            float[] dv = d[r][vm];
            for (int t = 0; t < l.length; t++) {
                double after = l[t] + dv[t];
                if (after > cap * (1 + TOLERANCE) + TOLERANCE) return Double.POSITIVE_INFINITY;
                if (cap > 0) worst = Math.max(worst, after / cap);
            }
        }
        return worst;
    }

    /** Whether the slot's load exceeds its capacity at some step of some row. */
    boolean overloaded(int slot) {
        double[] capacity = problem.slots().get(slot).capacity();
        for (int r = 0; r < load[slot].length; r++) {
            for (double l : load[slot][r]) if (l > capacity[r] * (1 + TOLERANCE) + TOLERANCE) return true;
        }
        return false;
    }

    boolean fits(int vm, int slot) {
        return shareWith(vm, slot) != Double.POSITIVE_INFINITY;
    }
}
