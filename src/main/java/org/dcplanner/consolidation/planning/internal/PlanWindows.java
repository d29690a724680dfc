package org.dcplanner.consolidation.planning.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.IntStream;
import org.dcplanner.consolidation.planning.PlanRequest;
import org.dcplanner.consolidation.planning.WindowSchedule;
import org.dcplanner.consolidation.planning.internal.PlanProblemFactory.BuiltProblem;

/**
 * A time-windowed plan's windows ({@link WindowPlans}) and the action plan that begins each window: computed once
 * when the plan finishes, on the sized problem the job already holds, and stored ({@link PlanWindowsStore}); reads
 * answer from the store. A plan that finished before they were stored computes them at its first read and stores
 * them; a plan still solving computes them from its current best at each read (its placement still changes).
 */
@org.springframework.stereotype.Component
class PlanWindows {
    private final PlanProblemLoader problems;
    private final PlanWindowsStore store;

    PlanWindows(PlanProblemLoader problems, PlanWindowsStore store) {
        this.problems = problems;
        this.store = store;
    }

    /** The schedule and action plans of a finished attempt's placement, stored before the plan reads as finished. */
    void storeFinished(UUID planId, int attempt, PlanRequest request, BuiltProblem built, int[] vmSlot) {
        Computed c = compute(planId, request, built, vmSlot);
        store.save(planId, attempt, c.schedule(), c.actions());
    }

    /** The plan's windows; empty for a plan with one placement. */
    Optional<WindowSchedule> schedule(PlanRecord p, PlanRequest request) {
        if (request.timeWindows() == null) return Optional.empty();
        Optional<WindowSchedule> stored = store.schedule(p.id());
        return stored.isPresent()
                ? stored
                : Optional.of(computeUnstored(p, request).schedule());
    }

    /** The action plan that begins window {@code window} (in range: the caller checked it against the schedule). */
    ActionPlanView actions(PlanRecord p, PlanRequest request, int window) {
        return store.actions(p.id(), window)
                .orElseGet(() -> computeUnstored(p, request).actions().get(window));
    }

    /** Nothing stored: computed from the plan's placement, and stored when the plan is finished. */
    private Computed computeUnstored(PlanRecord p, PlanRequest request) {
        Computed c = compute(p.id(), request, problems.build(request), p.vmSlot());
        if (p.status() == PlanStatus.COMPLETED || p.status() == PlanStatus.CANCELLED)
            store.saveIfAbsent(p.id(), c.schedule(), c.actions());
        return c;
    }

    private Computed compute(UUID planId, PlanRequest request, BuiltProblem built, int[] vmSlot) {
        Instant start = built.sized().folded() ? Instant.EPOCH : problems.gridStart(request);
        WindowSchedule schedule = WindowPlans.schedule(
                built.problem(),
                vmSlot,
                request.timeWindows(),
                start,
                built.sized().stepSeconds());
        List<String> names = request.fromCurrentPlacement() != null
                ? TodaysPlacement.hostNames(problems.estate(request.workloadId()))
                : IntStream.range(0, built.slotModels().size())
                        .mapToObj(s -> "host-" + s)
                        .toList();
        List<ActionPlanView> actions = new ArrayList<>();
        for (int w = 0; w < schedule.startHours().size(); w++) {
            actions.add(ActionPlanView.between(
                    planId,
                    built,
                    problems.catalog(),
                    names,
                    schedule.vmSlot()[schedule.previous(w)],
                    schedule.vmSlot()[w]));
        }
        return new Computed(schedule, actions);
    }

    private record Computed(WindowSchedule schedule, List<ActionPlanView> actions) {}
}
