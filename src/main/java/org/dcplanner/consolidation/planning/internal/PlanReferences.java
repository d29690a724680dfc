package org.dcplanner.consolidation.planning.internal;

import org.dcplanner.consolidation.planning.solver.domain.PlanningProblem;
import org.dcplanner.consolidation.planning.solver.start.LowerBounds;
import org.dcplanner.consolidation.planning.solver.start.ReferencePlacements;

/**
 * The figures a plan is judged by, on the plan's footing: the lower bound (which already counts the
 * HA reserve) and both first-fit-decreasing baselines plus the HA reserve hosts. The FFDs pack without
 * the HA rule; adding N hosts as large as any used one makes them N-failure tolerant (each failed
 * host's VMs move to one spare), so they are comparable with a plan that must satisfy the HA rule.
 * {@code antiAffinityHosts}: hosts the largest anti-affinity group needs, its VMs one per host (0 without groups),
 * a second valid bound the dashboard compares with. Computed before solving so a running plan shows them at once;
 * the placements behind them go to the solver too, which then does not compute them again.
 */
record PlanReferences(int lowerBoundHosts, int peakFfdHosts, int timeSeriesFfdHosts, int antiAffinityHosts) {

    static PlanReferences of(PlanningProblem problem) {
        return of(ReferencePlacements.of(problem), problem);
    }

    /** @param problem for the HA reserve and the anti-affinity groups ({@link LowerBounds#antiAffinityBound}) */
    static PlanReferences of(ReferencePlacements placements, PlanningProblem problem) {
        int reserve = Math.max(0, problem.haReserveHosts());
        return new PlanReferences(
                placements.lowerBoundHosts(),
                withReserve(placements.peakFfdHosts(), reserve),
                withReserve(placements.timeSeriesFfdHosts(), reserve),
                LowerBounds.antiAffinityBound(problem));
    }

    private static int withReserve(int hosts, int reserve) {
        return hosts == 0 ? 0 : hosts + reserve;
    }
}
