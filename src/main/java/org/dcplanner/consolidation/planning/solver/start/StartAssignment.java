package org.dcplanner.consolidation.planning.solver.start;

import org.dcplanner.consolidation.planning.solver.domain.DemandModel;
import org.dcplanner.consolidation.planning.solver.domain.PlanningProblem;

/**
 * A placement handed to the solver to start from (a warm start, e.g. the saved best of a crashed attempt). It
 * fits a problem when it has one slot per VM, every slot is in the pool, pinned VMs sit on their pin and no VM
 * sits on a slot its approach rules out (hardware assist); capacity and anti-affinity may still be violated,
 * the score says so.
 */
public final class StartAssignment {
    private StartAssignment() {}

    /** Whether {@code vmSlot} can start a solve of {@code problem} (see the class comment). */
    public static boolean fits(PlanningProblem problem, int[] vmSlot) {
        if (!inRange(problem, vmSlot)) {
            return false;
        }
        for (int v = 0; v < vmSlot.length; v++) {
            if (!DemandModel.allowed(problem, v, vmSlot[v])) {
                return false;
            }
        }
        return true;
    }

    /** One slot per VM, each inside the pool. */
    static boolean inRange(PlanningProblem problem, int[] vmSlot) {
        if (vmSlot == null || vmSlot.length != problem.vmCount()) {
            return false;
        }
        for (int slot : vmSlot) {
            if (slot < 0 || slot >= problem.slots().size()) {
                return false;
            }
        }
        return true;
    }

    /**
     * The better-scoring of the construction and the warm start (the construction on a tie, or when there is
     * no warm start); throws when the warm start does not fit the problem.
     */
    public static int[] better(DemandModel model, int[] construction, int[] warmStart) {
        if (warmStart == null) {
            return construction;
        }
        if (!fits(model.problem(), warmStart)) {
            throw new IllegalArgumentException("start assignment does not fit the problem: it needs one slot per VM, "
                    + "inside the pool, on the VM's pin and allowed by the approach");
        }
        int[] start = warmStart.clone();
        return Construction.ledger(model, start)
                                .score()
                                .compareTo(
                                        Construction.ledger(model, construction).score())
                        > 0
                ? start
                : construction;
    }
}
