package org.dcplanner.consolidation.planning.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import java.util.OptionalInt;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BooleanSupplier;
import org.dcplanner.consolidation.planning.PlanCompleted;
import org.dcplanner.consolidation.planning.PlanRequest;
import org.dcplanner.consolidation.planning.internal.PlanProblemFactory.BuiltProblem;
import org.dcplanner.consolidation.planning.solver.ConsolidationSolver;
import org.dcplanner.consolidation.planning.solver.PlanningResult;
import org.dcplanner.consolidation.planning.solver.SolveOptions;
import org.dcplanner.consolidation.planning.solver.SolveStopped;
import org.dcplanner.consolidation.planning.solver.StopPoll;
import org.dcplanner.consolidation.planning.solver.domain.PlanningProblem;
import org.dcplanner.consolidation.planning.solver.start.ReferencePlacements;
import org.dcplanner.consolidation.planning.solver.start.StartAssignment;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * Solves one plan on the calling (job engine) thread: claims an attempt, rebuilds the sized problem,
 * solves with the cancel flag polled from the database, persists the best solution while solving and
 * the result at the end, then publishes {@link PlanCompleted} when a placement exists. A stop that lands before
 * the references exist (while sizing, or packing the first-fit baselines) ends the plan CANCELLED at once, with no
 * placement of this attempt (a finish request too: there is no best to keep). A revived
 * execution (after a crash) starts a new attempt from the previous attempt's saved best when it still
 * fits, for the rest of the time limit ({@link AttemptStart}); the previous attempt's best stays
 * visible until the new attempt writes its first best, which is never worse.
 */
@Component
class PlanSolveJob {
    private static final Logger log = LoggerFactory.getLogger(PlanSolveJob.class);
    static final Duration WORKLOAD_GRACE = Duration.ofSeconds(30);
    private final PlanRepository plans;
    private final PlanProblemLoader problems;
    private final ConsolidationSolver solver;
    private final PlanningProperties properties;
    private final ApplicationEventPublisher events;
    private final ObjectMapper json;
    private final PlanStopSignals stops;

    PlanSolveJob(
            PlanRepository plans,
            PlanProblemLoader problems,
            ConsolidationSolver solver,
            PlanningProperties properties,
            ApplicationEventPublisher events,
            ObjectMapper json,
            PlanStopSignals stops) {
        this.stops = stops;
        this.plans = plans;
        this.problems = problems;
        this.solver = solver;
        this.properties = properties;
        this.events = events;
        this.json = json;
    }

    void run(UUID planId) {
        if (!workloadVisible(planId)) return;
        OptionalInt claimed = plans.startAttempt(planId);
        if (claimed.isEmpty()) {
            log.info("plan {} is finished, cancelled or deleted; nothing to solve", planId);
            return;
        }
        int attempt = claimed.getAsInt();
        AtomicBoolean localStop = stops.register(planId);
        long attemptNanos = System.nanoTime();
        long searchedBefore = 0;
        try {
            PlanRecord plan = plans.find(planId).orElseThrow();
            PlanRequest request = json.readValue(plan.requestJson(), PlanRequest.class);
            searchedBefore = AttemptStart.searchedBeforeMillis(plan);
            BestSolutionWriter writer = new BestSolutionWriter(plans, planId, attempt, properties.bestWriteInterval());
            BooleanSupplier stopRequested = stopSignal(planId, attempt, writer, searchedBefore, localStop);
            // the sizing and the references check it too: a cancel before the search ends the attempt promptly
            StopPoll stop = StopPoll.onRequest(stopRequested);
            // SIZING until here (risk mode: the packing probes); a request no packing satisfies FAILS the plan
            BuiltProblem built = problems.build(request, stop);
            plans.startSearch(planId, attempt);
            // computed once: shown on the plan at once, and the solver starts from them instead of packing them again
            ReferencePlacements placements = ReferencePlacements.of(built.problem(), stop);
            PlanReferences references = PlanReferences.of(placements, built.problem());
            plans.saveReferences(planId, attempt, references);
            plans.saveApproachMix(planId, attempt, approachMix(built));
            AttemptStart start = AttemptStart.of(plan, built, Duration.ofSeconds(request.timeLimitSeconds()));
            log.info(
                    "plan {} attempt {}: {}, time limit {} ms",
                    planId,
                    attempt,
                    start.reason(),
                    start.timeLimit().toMillis());
            PlanningProblem problem = built.problem();
            int[] warmStart = start.vmSlot();
            ReferencePlacements solverReferences = placements;
            if (request.fromCurrentPlacement() != null) {
                // only the VMs of the hosts the budget empties may move: the solver refines where they go
                int[] today = TodaysPlacement.startSlots(problems.estate(request.workloadId()), built.vms());
                MoveBudget budget = MoveBudget.plan(problem, today, request.fromCurrentPlacement());
                log.info(
                        "plan {}: from today's placement, {} hosts emptied with {} migrations ({})",
                        planId,
                        budget.emptied().size(),
                        budget.migrations(),
                        budget.moved() ? "within the budget" : "short of the minimum saving: nothing moves");
                problem = budget.pinnedProblem(problem);
                if (warmStart == null || !StartAssignment.fits(problem, warmStart)) warmStart = budget.placement();
                solverReferences = null; // the references ignore the pins
            }
            SolveOptions options =
                    new SolveOptions(start.timeLimit(), stopRequested, writer::onNewBest, warmStart, solverReferences);
            long solveStart = System.nanoTime();
            PlanningResult result = solver.solve(problem, options);
            long solvedMillis = (System.nanoTime() - solveStart) / 1_000_000;
            writer.finalResult(result.vmSlot(), result.hostsUsed(), result.score(), result.feasible(), solvedMillis);
            if (hasPlacement(result)) saveOverloadRisk(planId, attempt, request, result.vmSlot(), built);
            // before the plan reads as finished, so a finished plan with an HA reserve always has its map
            if (built.problem().haReserveHosts() > 0 && hasPlacement(result)) {
                plans.saveFailover(planId, attempt, FailoverMap.of(built.problem(), result.vmSlot()));
            }
            PlanStatus status = plans.finish(planId, attempt, result, start.searchedBeforeMillis() + solvedMillis);
            log.info(
                    "plan {} attempt {} ended {}: {} hosts (lower bound {}), score {}",
                    planId,
                    attempt,
                    status,
                    result.hostsUsed(),
                    references.lowerBoundHosts(),
                    result.score());
            if ((status == PlanStatus.COMPLETED || status == PlanStatus.CANCELLED) && hasPlacement(result)) {
                events.publishEvent(new PlanCompleted(planId));
            }
        } catch (SolveStopped e) {
            // stopped while sizing or packing the baselines: no placement of this attempt exists
            long searched = searchedBefore + (System.nanoTime() - attemptNanos) / 1_000_000;
            plans.endWithoutPlacement(planId, attempt, searched);
            log.info("plan {} attempt {} stopped before it had a placement: CANCELLED", planId, attempt);
        } catch (JsonProcessingException | RuntimeException e) {
            log.error("plan {} attempt {} failed", planId, attempt, e);
            plans.fail(planId, attempt, e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
        } catch (OutOfMemoryError e) {
            // the plan's arrays are unreachable once unwound; failing it ends the job instead of retrying it forever
            log.error("plan {} attempt {} ran out of memory", planId, attempt, e);
            plans.fail(
                    planId,
                    attempt,
                    "the solver ran out of memory on this node (Java heap "
                            + (Runtime.getRuntime().maxMemory() >> 20)
                            + " MiB): plan with fewer hosts in the pool, fewer resources or the days folded");
        } finally {
            stops.unregister(planId);
        }
    }

    /**
     * False (nothing to do) when the plan is gone; throws (the job engine retries, possibly on
     * another node) while this node's workload store does not know the plan's workload; after
     * {@link #WORKLOAD_GRACE} the workload counts as deleted and the plan FAILS.
     */
    private boolean workloadVisible(UUID planId) {
        PlanRecord plan = plans.find(planId).orElse(null);
        if (plan == null) return false;
        if (problems.workloadExists(plan.workloadId())) return true;
        if (plan.createdAt().plus(WORKLOAD_GRACE).isAfter(java.time.Instant.now())) {
            throw new IllegalStateException("workload " + plan.workloadId() + " of plan " + planId
                    + " is not visible to this node yet; retrying");
        }
        plans.startAttempt(planId)
                .ifPresent(
                        attempt -> plans.fail(planId, attempt, "workload " + plan.workloadId() + " no longer exists"));
        return false;
    }

    /** Stored before the plan ends, so a COMPLETED plan shows it; a failure leaves it empty but does not fail the plan. */
    private void saveOverloadRisk(UUID planId, int attempt, PlanRequest request, int[] vmSlot, BuiltProblem built) {
        try {
            plans.saveOverloadRisk(
                    planId, attempt, problems.assessOverloadRisk(request, vmSlot, built.slotModels(), built.riskZ()));
        } catch (RuntimeException e) {
            log.warn("plan {} attempt {}: overload risk not assessed", planId, attempt, e);
        }
    }

    private static boolean hasPlacement(PlanningResult r) {
        for (int slot : r.vmSlot()) if (slot < 0) return false;
        return true;
    }

    /**
     * True once a stop was requested: the node-local flag is read at every check, the database's cancel flag at
     * most once per poll interval (recording the plan's search time so far: earlier attempts plus this one); also
     * gives the writer a chance to flush. Called from the solver's and the waiting thread, hence synchronized.
     */
    private BooleanSupplier stopSignal(
            UUID planId, int attempt, BestSolutionWriter writer, long searchedBeforeMillis, AtomicBoolean localStop) {
        long intervalNanos = properties.cancelPollInterval().toNanos();
        long startNanos = System.nanoTime();
        long[] lastPoll = {startNanos};
        boolean[] stop = {false};
        Object lock = new Object();
        return () -> {
            if (localStop.get()) return true;
            synchronized (lock) {
                writer.writeIfDue();
                long now = System.nanoTime();
                if (!stop[0] && now - lastPoll[0] >= intervalNanos) {
                    lastPoll[0] = now;
                    stop[0] = plans.mustStop(planId, attempt, searchedBeforeMillis + (now - startNanos) / 1_000_000);
                }
                return stop[0];
            }
        };
    }

    /** VMs per approach, by approach name (empty for a problem built without per-VM approaches). */
    static java.util.Map<String, Integer> approachMix(BuiltProblem built) {
        java.util.Map<String, Integer> mix = new java.util.TreeMap<>();
        if (built.vmApproach() == null) return mix;
        for (var a : built.vmApproach()) mix.merge(a.name(), 1, Integer::sum);
        return mix;
    }
}
