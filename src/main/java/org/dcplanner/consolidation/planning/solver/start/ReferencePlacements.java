package org.dcplanner.consolidation.planning.solver.start;

import org.dcplanner.consolidation.planning.solver.AffinityMerge;
import org.dcplanner.consolidation.planning.solver.ProblemChecks;
import org.dcplanner.consolidation.planning.solver.domain.DemandModel;
import org.dcplanner.consolidation.planning.solver.domain.PlanningProblem;

/**
 * The fluid lower bound and both first-fit-decreasing placements of one problem, computed once per solve: the
 * plan job shows them before solving and hands them to the solver ({@link SolveOptions#references}), which
 * starts from the better baseline instead of packing both again.
 *
 * @param lowerBoundHosts {@link LowerBounds#lowerBoundHosts} (HA reserve included)
 * @param peakFfd         per VM, its slot in {@link Baselines#peakFfd}
 * @param timeSeriesFfd   per VM, its slot in {@link Baselines#timeSeriesFfd} at capacity factor 1.0
 */
public record ReferencePlacements(int lowerBoundHosts, int[] peakFfd, int[] timeSeriesFfd) {

    /** On a problem with affinity groups, each group is packed as one item (AffinityMerge) and mapped back. */
    public static ReferencePlacements of(PlanningProblem problem) {
        ProblemChecks.validate(problem);
        AffinityMerge merge = AffinityMerge.of(problem);
        if (merge == null) return of(new DemandModel(problem));
        ReferencePlacements units = of(new DemandModel(merge.units()));
        return new ReferencePlacements(
                units.lowerBoundHosts(), merge.expand(units.peakFfd()), merge.expand(units.timeSeriesFfd()));
    }

    static ReferencePlacements of(DemandModel model) {
        return new ReferencePlacements(
                LowerBounds.lowerBoundHosts(model.problem()),
                Baselines.peakFfd(model),
                Baselines.timeSeriesFfd(model, 1.0));
    }

    /** These references when they have the problem's shape (one slot in range per VM), else computed on the model. */
    public static ReferencePlacements reuseOrCompute(ReferencePlacements given, DemandModel model) {
        return given != null
                        && StartAssignment.inRange(model.problem(), given.peakFfd())
                        && StartAssignment.inRange(model.problem(), given.timeSeriesFfd())
                ? given
                : of(model);
    }

    public int peakFfdHosts() {
        return Baselines.hostsUsed(peakFfd);
    }

    public int timeSeriesFfdHosts() {
        return Baselines.hostsUsed(timeSeriesFfd);
    }
}
