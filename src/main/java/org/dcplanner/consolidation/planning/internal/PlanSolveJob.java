package org.dcplanner.consolidation.planning.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.kagkarlsson.scheduler.SchedulerClient;
import java.time.Duration;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.UUID;
import java.util.WeakHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BooleanSupplier;
import org.dcplanner.consolidation.planning.PlanCompleted;
import org.dcplanner.consolidation.planning.PlanRequest;
import org.dcplanner.consolidation.planning.internal.PartitionRepository.PartitionRow;
import org.dcplanner.consolidation.planning.internal.PlanProblemFactory.BuiltProblem;
import org.dcplanner.consolidation.planning.solver.ConsolidationSolver;
import org.dcplanner.consolidation.planning.solver.FailoverMap;
import org.dcplanner.consolidation.planning.solver.PlanningResult;
import org.dcplanner.consolidation.planning.solver.SolveOptions;
import org.dcplanner.consolidation.planning.solver.SolveOptions.SolveProgress;
import org.dcplanner.consolidation.planning.solver.SolveStopped;
import org.dcplanner.consolidation.planning.solver.StopPoll;
import org.dcplanner.consolidation.planning.solver.domain.PlanningProblem;
import org.dcplanner.consolidation.planning.solver.partition.EstatePartitioner;
import org.dcplanner.consolidation.planning.solver.partition.Partitioning;
import org.dcplanner.consolidation.planning.solver.partition.PoolSlice;
import org.dcplanner.consolidation.planning.solver.start.ReferencePlacements;
import org.dcplanner.consolidation.planning.solver.start.StartAssignment;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * Solves one plan on the calling (job engine) thread: claims an attempt, rebuilds the sized problem, and either
 * solves it whole, or (more VMs than {@code app.planning.partition-vms}, or a pool too large for one solve) splits it
 * into partitions solved as their own jobs ({@link PlanPartitionJob}), or merges the solved partitions; a solve runs
 * with the cancel flag polled from the database, persists the best solution while solving and
 * the result at the end, then publishes {@link PlanCompleted} when a placement exists. A revived
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
    private final PartitionRepository partitions;
    /**
     * The whole estate's references (lower bound, both FFD baselines) per sized problem of this node: a split
     * computes them, its merge reuses them (minutes at 50,000 VMs). Keys are the cached problems themselves
     * ({@link SizedProblemCache}); an entry goes with its problem.
     */
    private final Map<PlanningProblem, ReferencePlacements> wholeReferences =
            Collections.synchronizedMap(new WeakHashMap<>());

    private final PlanWindows windows;

    PlanSolveJob(
            PlanRepository plans,
            PartitionRepository partitions,
            PlanProblemLoader problems,
            ConsolidationSolver solver,
            PlanningProperties properties,
            ApplicationEventPublisher events,
            ObjectMapper json,
            PlanStopSignals stops,
            PlanWindows windows) {
        this.windows = windows;
        this.stops = stops;
        this.partitions = partitions;
        this.plans = plans;
        this.problems = problems;
        this.solver = solver;
        this.properties = properties;
        this.events = events;
        this.json = json;
    }

    void run(UUID planId, SchedulerClient scheduler) {
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
            List<PartitionRow> parts = partitions.list(planId);
            if (parts.isEmpty()) {
                // placement rules tie VMs and hosts across partitions: a plan with rules is solved whole
                // so do the pins of a plan from today's placement
                int count = built.problem().rules().isEmpty() && request.fromCurrentPlacement() == null
                        ? PartitionCount.of(built.problem(), properties.partitionVms(), SolverMemoryCheck.budgetBytes())
                        : 1;
                if (count > 1) {
                    split(planId, attempt, built, count, scheduler);
                    return;
                }
                SolveStart start = whole(plan, built, request, planId, attempt, stop);
                solve(planId, attempt, request, built, start, writer, stopRequested);
            } else if (parts.stream().allMatch(p -> p.status().equals("DONE"))) {
                SolveStart start = merge(plan, built, request, parts, planId, attempt);
                solve(planId, attempt, request, built, start, writer, stopRequested);
            } else {
                // a revived split (or an early merge): the unsolved partitions are queued once more, idempotently
                for (PartitionRow p : parts) {
                    if (!p.status().equals("DONE")) SolvePlanTask.schedulePartition(scheduler, planId, p.part());
                }
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
     * What one solve of the plan's problem starts from.
     *
     * @param problem    what the solver gets: the plan's problem, or for a merge too large for the heap the whole
     *                   estate on the hosts the partitions used ({@code slice})
     * @param slice      null, or the cut of the pool {@code problem} is on (placements are mapped back to the pool)
     */
    private record SolveStart(
            PlanningProblem problem,
            ReferencePlacements placements,
            boolean solverStartsFromReferences,
            int[] vmSlot,
            Duration timeLimit,
            long searchedBeforeMillis,
            String reason,
            PoolSlice slice) {
        int[] toPool(int[] vmSlot) {
            return slice == null ? vmSlot : slice.toGlobal(vmSlot);
        }
    }

    /** A plan solved whole: from a crashed attempt's saved best when it still fits ({@link AttemptStart}). */
    private SolveStart whole(
            PlanRecord plan, BuiltProblem built, PlanRequest request, UUID planId, int attempt, StopPoll stop) {
        // computed once: shown on the plan at once, and the solver starts from them instead of packing them again
        ReferencePlacements placements = ReferencePlacements.of(built.problem(), stop);
        plans.saveReferences(planId, attempt, PlanReferences.of(placements, built.problem()));
        plans.saveApproachMix(planId, attempt, approachMix(built));
        AttemptStart start = AttemptStart.of(plan, built, Duration.ofSeconds(request.timeLimitSeconds()));
        if (request.fromCurrentPlacement() != null) return fromToday(built, request, planId, placements, start);
        return new SolveStart(
                built.problem(),
                placements,
                true,
                start.vmSlot(),
                start.timeLimit(),
                start.searchedBeforeMillis(),
                start.reason(),
                null);
    }

    /** From today's placement: only the VMs of the hosts the move budget empties may move; the solver refines where. */
    private SolveStart fromToday(
            BuiltProblem built, PlanRequest request, UUID planId, ReferencePlacements placements, AttemptStart start) {
        int[] today = TodaysPlacement.startSlots(problems.estate(request.workloadId()), built.vms());
        MoveBudget budget = MoveBudget.plan(built.problem(), today, request.fromCurrentPlacement());
        log.info(
                "plan {}: from today's placement, {} hosts emptied with {} migrations ({})",
                planId,
                budget.emptied().size(),
                budget.migrations(),
                budget.moved() ? "within the budget" : "short of the minimum saving: nothing moves");
        PlanningProblem problem = budget.pinnedProblem(built.problem());
        int[] warmStart = start.vmSlot();
        if (warmStart == null || !StartAssignment.fits(problem, warmStart)) warmStart = budget.placement();
        // the reference placements ignore the pins: the solver does not start from them
        return new SolveStart(
                problem,
                placements,
                false,
                warmStart,
                start.timeLimit(),
                start.searchedBeforeMillis(),
                start.reason(),
                null);
    }

    /**
     * Splits the plan into partitions ({@link EstatePartitioner}), stores them and queues one job each; the plan
     * shows the whole estate's lower bound and baselines meanwhile (on the pool the heap holds, when the whole pool
     * does not fit).
     */
    private void split(UUID planId, int attempt, BuiltProblem built, int count, SchedulerClient scheduler) {
        PlanningProblem whole = built.problem();
        long budget = SolverMemoryCheck.budgetBytes();
        PlanningProblem referenceProblem = SolverMemoryCheck.fits(whole, budget)
                ? whole
                : PoolSlice.keep(whole, null, (int) SolverMemoryCheck.maxPoolHosts(whole, budget))
                        .problem();
        ReferencePlacements references =
                referenceProblem == whole ? wholeReferences(whole) : ReferencePlacements.of(referenceProblem);
        plans.saveReferences(planId, attempt, PlanReferences.of(references, referenceProblem));
        plans.saveApproachMix(planId, attempt, approachMix(built));
        Partitioning partitioning = EstatePartitioner.split(whole, count);
        partitions.insertAll(planId, partitioning);
        for (int k = 0; k < partitioning.count(); k++) SolvePlanTask.schedulePartition(scheduler, planId, k);
        log.info(
                "plan {} attempt {}: {} VMs on {} hosts split into {} partitions",
                planId,
                attempt,
                whole.vmCount(),
                whole.slots().size(),
                partitioning.count());
    }

    private ReferencePlacements wholeReferences(PlanningProblem whole) {
        ReferencePlacements known = wholeReferences.get(whole);
        if (known != null) return known;
        ReferencePlacements computed = ReferencePlacements.of(whole);
        wholeReferences.put(whole, computed);
        return computed;
    }

    /**
     * The merge of a plan solved in parts: the partitions' placements joined (or a crashed merge's saved best), then
     * solved whole for {@link PlanPartitionJob#MERGE_SHARE} of the time limit, so the search empties the least
     * loaded hosts across partitions. A pool too large for the heap is cut to the hosts in use plus what fits.
     */
    private SolveStart merge(
            PlanRecord plan,
            BuiltProblem built,
            PlanRequest request,
            List<PartitionRow> parts,
            UUID planId,
            int attempt) {
        PlanningProblem whole = built.problem();
        Partitioning partitioning = new Partitioning(
                parts.stream().map(PartitionRow::vmIndexes).toArray(int[][]::new),
                parts.stream().map(PartitionRow::slotIndexes).toArray(int[][]::new));
        int[] joined = partitioning.combine(
                whole, parts.stream().map(PartitionRow::vmSlot).toArray(int[][]::new));
        boolean resumed = plan.vmSlot() != null
                && whole.vmNames().equals(plan.vmNames())
                && StartAssignment.fits(whole, plan.vmSlot());
        int[] start = resumed ? plan.vmSlot() : joined;
        String reason = "merge of " + parts.size() + " partitions"
                + (resumed ? ", from the saved best of an earlier merge" : "");
        Duration limit = PlanPartitionJob.share(request.timeLimitSeconds(), PlanPartitionJob.MERGE_SHARE);
        long budget = SolverMemoryCheck.budgetBytes();
        if (SolverMemoryCheck.fits(whole, budget)) {
            ReferencePlacements placements = wholeReferences(whole);
            plans.saveReferences(planId, attempt, PlanReferences.of(placements, whole));
            return new SolveStart(whole, placements, true, start, limit, plan.searchedMillis(), reason, null);
        }
        PoolSlice slice = PoolSlice.keep(whole, start, (int) SolverMemoryCheck.maxPoolHosts(whole, budget));
        ReferencePlacements placements = ReferencePlacements.of(slice.problem());
        plans.saveReferences(planId, attempt, PlanReferences.of(placements, slice.problem()));
        return new SolveStart(
                slice.problem(),
                placements,
                true,
                slice.toLocal(start),
                limit,
                plan.searchedMillis(),
                reason + " on " + slice.globalSlot().length + " of "
                        + whole.slots().size() + " hosts",
                slice);
    }

    /**
     * Solves with the cancel flag polled from the database, persists the best solution while solving and the result
     * at the end, then publishes {@link PlanCompleted} when a placement exists.
     */
    private void solve(
            UUID planId,
            int attempt,
            PlanRequest request,
            BuiltProblem built,
            SolveStart start,
            BestSolutionWriter writer,
            BooleanSupplier stopRequested) {
        log.info(
                "plan {} attempt {}: {}, time limit {} ms",
                planId,
                attempt,
                start.reason(),
                start.timeLimit().toMillis());
        SolveOptions options = new SolveOptions(
                start.timeLimit(),
                stopRequested,
                p -> writer.onNewBest(new SolveProgress(
                        p.hostsUsed(), p.score(), p.feasible(), p.elapsedMillis(), start.toPool(p.vmSlot()))),
                start.vmSlot(),
                start.solverStartsFromReferences() ? start.placements() : null);
        long solveStart = System.nanoTime();
        PlanningResult solved = solver.solve(start.problem(), options);
        PlanningResult result = start.slice() == null ? solved : inPool(solved, start);
        long solvedMillis = (System.nanoTime() - solveStart) / 1_000_000;
        writer.finalResult(result.vmSlot(), result.hostsUsed(), result.score(), result.feasible(), solvedMillis);
        if (hasPlacement(result)) saveOverloadRisk(planId, attempt, request, result.vmSlot(), built);
        // before the plan reads as finished, so a finished plan with an HA reserve always has its map
        if (built.problem().haReserveHosts() > 0 && hasPlacement(result)) {
            plans.saveFailover(planId, attempt, FailoverMap.of(built.problem(), result.vmSlot()));
        }
        if (!built.problem().rules().isEmpty() && hasPlacement(result)) {
            plans.saveRules(
                    planId,
                    attempt,
                    RulesReport.of(built.problem(), PlanRules.affinityNames(request, built.vms()), result.vmSlot()));
        }
        // computed here once, on the problem this job holds; the windows' endpoints and the replay read them back
        // (a failure here does not fail the solved plan: its first read computes and stores them instead)
        if (request.timeWindows() != null && hasPlacement(result)) {
            try {
                windows.storeFinished(planId, attempt, request, built, result.vmSlot());
            } catch (RuntimeException e) {
                log.warn("plan {} attempt {}: windows not stored, computed at the first read", planId, attempt, e);
            }
        }
        PlanStatus status = plans.finish(planId, attempt, result, start.searchedBeforeMillis() + solvedMillis);
        log.info(
                "plan {} attempt {} ended {}: {} hosts (lower bound {}), score {}",
                planId,
                attempt,
                status,
                result.hostsUsed(),
                start.placements().lowerBoundHosts(),
                result.score());
        if ((status == PlanStatus.COMPLETED || status == PlanStatus.CANCELLED) && hasPlacement(result)) {
            events.publishEvent(new PlanCompleted(planId));
        }
    }

    private static PlanningResult inPool(PlanningResult r, SolveStart start) {
        return new PlanningResult(
                start.toPool(r.vmSlot()),
                r.hostsUsed(),
                r.score(),
                r.feasible(),
                r.brokenConstraints(),
                r.lowerBoundHosts(),
                r.peakFfdHosts(),
                r.timeSeriesFfdHosts(),
                r.scoreCalculationsPerSecond());
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
        } catch (OutOfMemoryError e) {
            // the whole trace on every step did not fit this node's heap; its arrays are unreachable once unwound
            log.warn(
                    "plan {} attempt {}: overload risk not assessed, the trace does not fit the heap", planId, attempt);
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
