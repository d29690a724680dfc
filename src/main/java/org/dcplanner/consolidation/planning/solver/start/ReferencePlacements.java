package org.dcplanner.consolidation.planning.solver.start;

import org.dcplanner.consolidation.planning.solver.ProblemChecks;
import org.dcplanner.consolidation.planning.solver.SolveStopped;
import org.dcplanner.consolidation.planning.solver.StopPoll;
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

    public static ReferencePlacements of(PlanningProblem problem) {
        return of(problem, StopPoll.never());
    }

    /** The same, checking {@code stop} in every loop: {@link SolveStopped} when it is on (nothing is kept). */
    public static ReferencePlacements of(PlanningProblem problem, StopPoll stop) {
        ProblemChecks.validate(problem);
        return of(new DemandModel(problem), stop);
    }

    static ReferencePlacements of(DemandModel model, StopPoll stop) {
        return new ReferencePlacements(
                LowerBounds.lowerBoundHosts(model.problem(), stop),
                Baselines.peakFfd(model, stop),
                Baselines.timeSeriesFfd(model, 1.0, stop));
    }

    /** These references when they have the problem's shape (one slot in range per VM), else computed on the model. */
    public static ReferencePlacements reuseOrCompute(ReferencePlacements given, DemandModel model) {
        return reuseOrCompute(given, model, StopPoll.never());
    }

    /** The same; a computation checks {@code stop} ({@link SolveStopped} when it is on). */
    public static ReferencePlacements reuseOrCompute(ReferencePlacements given, DemandModel model, StopPoll stop) {
        return given != null
                        && StartAssignment.inRange(model.problem(), given.peakFfd())
                        && StartAssignment.inRange(model.problem(), given.timeSeriesFfd())
                ? given
                : of(model, stop);
    }

    public int peakFfdHosts() {
        return Baselines.hostsUsed(peakFfd);
    }

    public int timeSeriesFfdHosts() {
        return Baselines.hostsUsed(timeSeriesFfd);
    }
}
