package org.dcplanner.consolidation.planning.solver;

import org.dcplanner.consolidation.planning.solver.domain.PlanningProblem;

/** Shape checks on a PlanningProblem; violations are programming errors of the caller (IllegalArgumentException). */
public final class ProblemChecks {
    private ProblemChecks() {}

    public static void validate(PlanningProblem p) {
        int r = p.rows();
        int vms = p.vmCount();
        require(r > 0, "at least one resource");
        require(!p.slots().isEmpty(), "at least one host slot");
        require(p.steps() > 0, "at least one time step");
        require(p.demand().length == r, "demand has one row per resource and limit");
        for (float[][] perVm : p.demand()) {
            require(perVm.length == vms, "demand has one series per VM");
            for (float[] series : perVm) {
                require(series.length == p.steps(), "every series has `steps` values");
            }
        }
        for (PlanningProblem.HostSlotSpec s : p.slots()) {
            require(s.capacity().length == r, "slot capacity per resource");
        }
        requireLength(p.pinnedSlot(), vms, "pinnedSlot");
        requireLength(p.antiAffinityGroup(), vms, "antiAffinityGroup");
        if (p.paravirtCapable() != null) {
            require(p.paravirtCapable().length == vms, "paravirtCapable per VM");
        }
        if (p.pinnedSlot() != null) {
            for (int pin : p.pinnedSlot()) {
                require(pin < p.slots().size(), "pinned slot inside the pool");
            }
        }
    }

    private static void requireLength(int[] a, int n, String what) {
        if (a != null) {
            require(a.length == n, what + " per VM");
        }
    }

    private static void require(boolean ok, String what) {
        if (!ok) {
            throw new IllegalArgumentException("invalid planning problem: expected " + what);
        }
    }
}
