package org.dcplanner.consolidation.planning.solver;

import java.util.List;
import org.dcplanner.consolidation.planning.solver.domain.PlanningProblem;

/** The planning feature's solver: packs a sized problem onto the fewest hosts, and explains a placement. */
public interface ConsolidationSolver {

    /**
     * Solves on the calling thread until the time limit, a stop request, or an optimum proven by the lower bound. A
     * stop request is seen within tens of milliseconds in every phase, the construction included: once both
     * first-fit baselines exist the result is the best placement so far (at least the better baseline); a stop
     * before they exist throws {@link SolveStopped} (no placement).
     */
    PlanningResult solve(PlanningProblem problem, SolveOptions options);

    /** For each VM: its slot, the binding resource and time step on that slot, and the constraints that matched. */
    List<VmExplanation> explain(PlanningProblem problem, int[] vmSlot);

    /**
     * Why one VM sits where it does.
     *
     * @param bindingResource    resource whose utilization on the VM's host is highest (name of the Metric)
     * @param bindingStep        time step of that highest utilization
     * @param bindingUtilization host demand / usable capacity at that step (1.0 = at the target)
     * @param matchedConstraints constraint names (with score impact) this VM takes part in
     */
    record VmExplanation(
            int vm,
            int slot,
            String bindingResource,
            int bindingStep,
            double bindingUtilization,
            List<String> matchedConstraints) {}
}
