package org.dcplanner.consolidation.planning;

import org.dcplanner.consolidation.planning.solver.Baselines;
import org.dcplanner.consolidation.planning.solver.DemandModel;
import org.dcplanner.consolidation.planning.solver.PlanningProblem;

/**
 * The figures a plan is judged by, on the plan's footing: the lower bound (which already counts the
 * HA reserve) and both first-fit-decreasing baselines plus the HA reserve hosts. The FFDs pack without
 * the HA rule; adding N hosts as large as any used one makes them N-failure tolerant (each failed
 * host's VMs move to one spare), so they are comparable with a plan that must satisfy the HA rule.
 * Computed before solving so a running plan shows them at once.
 */
record PlanReferences(int lowerBoundHosts, int peakFfdHosts, int timeSeriesFfdHosts) {

    static PlanReferences of(PlanningProblem problem) {
        DemandModel model = new DemandModel(problem);
        int reserve = model.haReserveHosts();
        return new PlanReferences(Baselines.lowerBoundHosts(problem),
                withReserve(Baselines.hostsUsed(Baselines.peakFfd(model)), reserve),
                withReserve(Baselines.hostsUsed(Baselines.timeSeriesFfd(model, 1.0)), reserve));
    }

    private static int withReserve(int hosts, int reserve) {
        return hosts == 0 ? 0 : hosts + reserve;
    }
}
