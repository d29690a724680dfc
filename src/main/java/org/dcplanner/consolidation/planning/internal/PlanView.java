package org.dcplanner.consolidation.planning.internal;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.dcplanner.consolidation.planning.internal.PlanRecord.ProgressPoint;

/**
 * A plan as GET /api/v1/plans/{id} shows it.
 *
 * @param elapsedMillis    solving time of the current attempt (until now while solving)
 * @param searchedMillis   search time of all attempts so far (as of the running attempt's latest cancel poll, or its end)
 * @param startedAt        when the first attempt started (a revived attempt keeps it)
 * @param attemptStartedAt when the current (or last) attempt started
 * @param steps            time steps planned (a typical day's when {@code folded})
 * @param antiAffinityHosts hosts the largest anti-affinity group needs, its VMs one per host (0: no groups; null:
 *                          not computed yet, or a plan stored before V11)
 * @param approachMix      VMs per virtualization approach (virtualization AUTO chooses per VM; null: not computed
 *                         yet, or a plan stored before V46)
 * @param sizingApplied    what the sizing applied, defaults and the workload's step resolved
 * @param stage            while SOLVING, what the attempt does: SIZING (sizing the demand; a risk-targeted plan's
 *                         packing probes take seconds to tens of seconds) or SOLVING (searching); null otherwise
 * @param overloadRisk     in-sample and estimated out-of-sample share of host-steps over capacity ({@link OverloadRisk}),
 *                         null until the solve ended (and for plans stored before V35)
 */
record PlanView(
        UUID id,
        String name,
        UUID workloadId,
        PlanStatus status,
        String stage,
        boolean cancelRequested,
        Integer hostsUsed,
        Integer lowerBoundHosts,
        Integer antiAffinityHosts,
        java.util.Map<String, Integer> approachMix,
        Baselines baselines,
        Boolean feasible,
        String score,
        List<String> brokenConstraints,
        List<ProgressPoint> progress,
        JsonNode request,
        Long elapsedMillis,
        long searchedMillis,
        int steps,
        int stepSeconds,
        boolean folded,
        Long scoreCalculationsPerSecond,
        String error,
        Instant createdAt,
        Instant startedAt,
        Instant attemptStartedAt,
        Instant finishedAt,
        Instant updatedAt,
        SizingApplied sizingApplied,
        JsonNode overloadRisk) {

    /** Host counts of the two first-fit-decreasing references: on per-VM peaks, and on the time series. */
    record Baselines(Integer peakFfdHosts, Integer timeSeriesFfdHosts) {}

    static PlanView of(PlanRecord p, JsonNode request, SizingApplied sizingApplied, JsonNode overloadRisk) {
        Long elapsed = p.attemptStartedAt() == null
                ? null
                : Duration.between(p.attemptStartedAt(), p.finishedAt() != null ? p.finishedAt() : Instant.now())
                        .toMillis();
        return new PlanView(
                p.id(),
                p.name(),
                p.workloadId(),
                p.status(),
                p.status() == PlanStatus.SOLVING ? p.stage() : null,
                p.cancelRequested(),
                p.hostsUsed(),
                p.lowerBoundHosts(),
                p.antiAffinityHosts(),
                p.approachMix(),
                new Baselines(p.peakFfdHosts(), p.timeSeriesFfdHosts()),
                p.feasible(),
                p.score(),
                p.brokenConstraints() == null ? List.of() : p.brokenConstraints(),
                p.progress(),
                request,
                elapsed,
                p.searchedMillis(),
                p.steps(),
                p.stepSeconds(),
                p.folded(),
                p.scoreCalculationsPerSecond(),
                p.error(),
                p.createdAt(),
                p.startedAt(),
                p.attemptStartedAt(),
                p.finishedAt(),
                p.updatedAt(),
                sizingApplied,
                overloadRisk);
    }
}
