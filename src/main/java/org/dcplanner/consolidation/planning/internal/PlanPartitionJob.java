package org.dcplanner.consolidation.planning.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.kagkarlsson.scheduler.SchedulerClient;
import java.time.Duration;
import java.time.Instant;
import java.util.OptionalInt;
import java.util.UUID;
import java.util.function.BooleanSupplier;
import org.dcplanner.consolidation.planning.PlanRequest;
import org.dcplanner.consolidation.planning.internal.PartitionRepository.PartitionRow;
import org.dcplanner.consolidation.planning.internal.PlanProblemFactory.BuiltProblem;
import org.dcplanner.consolidation.planning.solver.ConsolidationSolver;
import org.dcplanner.consolidation.planning.solver.PlanningResult;
import org.dcplanner.consolidation.planning.solver.SolveOptions;
import org.dcplanner.consolidation.planning.solver.domain.PlanningProblem;
import org.dcplanner.consolidation.planning.solver.partition.Partitioning;
import org.dcplanner.consolidation.planning.solver.start.StartAssignment;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Solves one partition of a plan solved in parts (task solve-plan-partition) on the calling job thread: claims the
 * partition's attempt, rebuilds the plan's problem and cuts out the partition's VMs and pool slice, solves it for
 * its part of the plan's time limit ({@link #budget}: the partitions end within {@link #PARTITION_SHARE} of it on
 * this node alone, sooner on several; a revived attempt warm-starts from the partition's saved best),
 * stores its best while solving and its result at the end, and queues the merge when it was the last partition.
 * A cancel or finish of the plan ends the partition's search with its best so far.
 */
@Component
class PlanPartitionJob {
    private static final Logger log = LoggerFactory.getLogger(PlanPartitionJob.class);
    /** Share of the plan's time limit each partition searches; the merge gets the rest ({@link #MERGE_SHARE}). */
    static final double PARTITION_SHARE = 0.75;

    static final double MERGE_SHARE = 1 - PARTITION_SHARE;
    /** No partition or merge searches for less. */
    static final Duration MIN_SEARCH = Duration.ofSeconds(2);

    private final PlanRepository plans;
    private final PartitionRepository partitions;
    private final PlanProblemLoader problems;
    private final ConsolidationSolver solver;
    private final PlanningProperties properties;
    private final ObjectMapper json;
    private final int jobThreads;

    PlanPartitionJob(
            PlanRepository plans,
            PartitionRepository partitions,
            PlanProblemLoader problems,
            ConsolidationSolver solver,
            PlanningProperties properties,
            ObjectMapper json,
            @Value("${db-scheduler.threads:2}") int jobThreads) {
        this.plans = plans;
        this.partitions = partitions;
        this.problems = problems;
        this.solver = solver;
        this.properties = properties;
        this.json = json;
        this.jobThreads = jobThreads;
    }

    static Duration share(int timeLimitSeconds, double share) {
        Duration d = Duration.ofMillis((long) (timeLimitSeconds * 1000L * share));
        return d.compareTo(MIN_SEARCH) < 0 ? MIN_SEARCH : d;
    }

    /**
     * Search time of a partition starting {@code now}, so that the plan's time limit bounds its wall time: the
     * partitions' share of the limit, counted from the plan's start, is split evenly over the rounds left on this
     * node — this partition and the {@code queued} ones not yet started, {@code threads} at a time (other nodes
     * taking some only shortens the rounds) — never more than the share itself nor less than {@link #MIN_SEARCH}.
     */
    static Duration budget(int timeLimitSeconds, Instant planStart, Instant now, int queued, int threads) {
        Duration partitionsShare = share(timeLimitSeconds, PARTITION_SHARE);
        Duration left = partitionsShare.minus(Duration.between(planStart, now));
        int perRound = Math.max(1, threads);
        int rounds = (queued + perRound) / perRound; // ceil((queued + 1) / perRound)
        Duration even = left.dividedBy(rounds);
        if (even.compareTo(MIN_SEARCH) < 0) return MIN_SEARCH;
        return even.compareTo(partitionsShare) > 0 ? partitionsShare : even;
    }

    void run(UUID planId, int part, String node, SchedulerClient scheduler) {
        PartitionRow row = partitions.list(planId).stream()
                .filter(r -> r.part() == part)
                .findFirst()
                .orElse(null);
        if (row == null) {
            log.info("plan {} partition {} is gone; nothing to solve", planId, part);
            return;
        }
        OptionalInt claimed = partitions.startAttempt(planId, part, node);
        if (claimed.isEmpty()) {
            // solved already; its completion may not have queued the merge if the node died just after it
            if (partitions.allDone(planId)) SolvePlanTask.scheduleMerge(scheduler, planId);
            return;
        }
        int attempt = claimed.getAsInt();
        PlanRecord plan = plans.find(planId).orElse(null);
        if (plan == null) return;
        try {
            PlanRequest request = json.readValue(plan.requestJson(), PlanRequest.class);
            BuiltProblem built = problems.build(request);
            Partitioning one = new Partitioning(new int[][] {row.vmIndexes()}, new int[][] {row.slotIndexes()});
            PlanningProblem sub = one.subProblem(built.problem(), 0);
            int[] saved = one.toSubProblem(0, row.vmSlot());
            int[] start = saved != null && StartAssignment.fits(sub, saved) ? saved : null;
            int queued = partitions.queued(planId);
            Instant planStart = plan.startedAt() != null ? plan.startedAt() : Instant.now();
            Duration limit = budget(request.timeLimitSeconds(), planStart, Instant.now(), queued, jobThreads);
            log.info(
                    "plan {} partition {} attempt {} on {}: {} VMs on {} hosts, {} start, {} ms",
                    planId,
                    part,
                    attempt,
                    node,
                    sub.vmCount(),
                    sub.slots().size(),
                    start == null ? "cold" : "warm",
                    limit.toMillis());
            long[] lastWrite = {System.nanoTime()};
            long writeNanos = properties.bestWriteInterval().toNanos();
            SolveOptions options = new SolveOptions(
                    limit,
                    stopSignal(planId, part, attempt),
                    p -> {
                        if (System.nanoTime() - lastWrite[0] < writeNanos) return;
                        lastWrite[0] = System.nanoTime();
                        partitions.saveBest(planId, part, attempt, one.toWholePool(0, p.vmSlot()), p.hostsUsed());
                    },
                    start,
                    null);
            PlanningResult result = solver.solve(sub, options);
            boolean last =
                    partitions.finish(planId, part, attempt, one.toWholePool(0, result.vmSlot()), result.hostsUsed());
            log.info(
                    "plan {} partition {} attempt {} solved: {} hosts{}",
                    planId,
                    part,
                    attempt,
                    result.hostsUsed(),
                    last ? "; the last one, merge queued" : "");
            if (last) SolvePlanTask.scheduleMerge(scheduler, planId);
        } catch (JsonProcessingException | RuntimeException e) {
            log.error("plan {} partition {} attempt {} failed", planId, part, attempt, e);
            plans.fail(
                    planId,
                    plan.attempt(),
                    "partition " + part + ": "
                            + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()));
        }
    }

    /** True once the plan was cancelled, finished or deleted, or another attempt owns the partition (polled). */
    private BooleanSupplier stopSignal(UUID planId, int part, int attempt) {
        long intervalNanos = properties.cancelPollInterval().toNanos();
        long[] lastPoll = {System.nanoTime()};
        boolean[] stop = {false};
        Object lock = new Object();
        return () -> {
            synchronized (lock) {
                long now = System.nanoTime();
                if (!stop[0] && now - lastPoll[0] >= intervalNanos) {
                    lastPoll[0] = now;
                    stop[0] = partitions.mustStop(planId, part, attempt);
                }
                return stop[0];
            }
        };
    }
}
