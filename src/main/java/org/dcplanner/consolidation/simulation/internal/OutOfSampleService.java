package org.dcplanner.consolidation.simulation.internal;

import com.github.kagkarlsson.scheduler.SchedulerClient;
import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.dcplanner.consolidation.ingestion.LoadedWorkload;
import org.dcplanner.consolidation.ingestion.Metric;
import org.dcplanner.consolidation.ingestion.WorkloadStore;
import org.dcplanner.consolidation.inventory.HostCatalog;
import org.dcplanner.consolidation.planning.PlacedPlan;
import org.dcplanner.consolidation.planning.PlanLookup;
import org.dcplanner.consolidation.planning.PlanWindow;
import org.dcplanner.consolidation.problem.ApiException;
import org.dcplanner.consolidation.simulation.OutOfSampleReplays;
import org.dcplanner.consolidation.simulation.OutOfSampleResult;
import org.dcplanner.consolidation.simulation.PlacedPlans;
import org.dcplanner.consolidation.virtualization.VirtualizationApproach;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * The simulation feature's out-of-sample API: replay a plan's placement on another workload (VMs matched
 * by name) or on a window of a workload, queued on the job engine or (for backtests) run at once.
 */
@Service
public class OutOfSampleService implements OutOfSampleReplays {
    private static final Logger log = LoggerFactory.getLogger(OutOfSampleService.class);
    private final OutOfSampleRunStore store;
    private final PlanLookup plans;
    private final WorkloadStore workloads;
    private final HostCatalog catalog;
    private final SimulationRunner runner;
    private final SchedulerClient scheduler;
    private final OneTimeTask<String> task;

    OutOfSampleService(
            OutOfSampleRunStore store,
            PlanLookup plans,
            WorkloadStore workloads,
            HostCatalog catalog,
            SimulationRunner runner,
            SchedulerClient scheduler,
            OneTimeTask<String> replayOutOfSampleOneTimeTask) {
        this.store = store;
        this.plans = plans;
        this.workloads = workloads;
        this.catalog = catalog;
        this.runner = runner;
        this.scheduler = scheduler;
        this.task = replayOutOfSampleOneTimeTask;
    }

    /** Validates (400/404/422 naming the field), stores the run QUEUED and queues it. */
    public OutOfSampleRun request(UUID planId, Target target) {
        PlacedPlan plan = PlacedPlans.require(plans, planId);
        UUID workload = target.workloadId() == null ? plan.workloadId() : target.workloadId();
        checkShared(plan, window(workloadOnly(workload), target.from(), target.to()));
        UUID id = UUID.randomUUID();
        store.insert(
                id,
                planId,
                workload,
                target.from(),
                target.to(),
                target.virtualization() == null ? plan.approach() : target.virtualization());
        RunTasks.schedule(scheduler, task, id);
        return store.find(id, false).orElseThrow();
    }

    @Override
    public OutOfSampleResult replayNow(UUID planId, Target target) {
        PlacedPlan plan = PlacedPlans.require(plans, planId);
        UUID workload = target.workloadId() == null ? plan.workloadId() : target.workloadId();
        workloadOnly(workload);
        return replay(
                plan,
                workload,
                target.from(),
                target.to(),
                target.virtualization() == null ? plan.approach() : target.virtualization());
    }

    public Optional<OutOfSampleRun> find(UUID planId, UUID runId) {
        if (!plans.exists(planId)) return Optional.empty();
        return store.find(runId, true).filter(r -> r.planId().equals(planId));
    }

    public List<OutOfSampleRun> list(UUID planId) {
        if (!plans.exists(planId)) throw ApiException.notFound("plan", planId);
        return store.list(planId);
    }

    /** Body of the "replay-out-of-sample" task: failures end the run FAILED with the reason. */
    void execute(UUID runId) {
        OutOfSampleRun run = store.find(runId, false).orElse(null);
        if (run == null || !store.markRunning(runId)) {
            log.info("out-of-sample run {} is gone or finished; nothing to do", runId);
            return;
        }
        try {
            PlacedPlan plan = PlacedPlans.require(plans, run.planId());
            store.complete(runId, replay(plan, run.workloadId(), run.from(), run.to(), run.virtualization()));
        } catch (RuntimeException e) {
            log.warn("out-of-sample run {} failed: {}", runId, e.toString());
            store.fail(runId, e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
        }
    }

    private OutOfSampleResult replay(
            PlacedPlan plan, UUID workloadId, Instant from, Instant to, VirtualizationApproach approach) {
        WorkloadStore ws = workloads;
        LoadedWorkload other = window(ws.load(workloadId, EnumSet.allOf(Metric.class)), from, to);
        List<org.dcplanner.consolidation.ingestion.WorkloadVm> planSizes =
                plan.workloadId().equals(workloadId)
                        ? other.vms()
                        : ws.load(plan.workloadId(), Set.of()).vms();
        try {
            return OutOfSampleReplay.run(
                    plan,
                    other,
                    planSizes,
                    PlanReplayInputs.hostModels(plan, catalog),
                    runner.model(Map.of()),
                    approach,
                    inSample(plan, other));
        } catch (IllegalArgumentException e) {
            throw ApiException.unprocessable("no-shared-vms", e.getMessage());
        }
    }

    /** True when the replay runs on the plan's own workload and overlaps the steps the plan was fitted to. */
    static boolean inSample(PlacedPlan plan, LoadedWorkload replayed) {
        if (!plan.workloadId().equals(replayed.id())) return false;
        Instant from = replayed.grid().start();
        Instant to = replayed.grid().end();
        return (plan.to() == null || from.isBefore(plan.to()))
                && (plan.from() == null || plan.from().isBefore(to));
    }

    private LoadedWorkload workloadOnly(UUID workloadId) {
        WorkloadStore ws = workloads;
        if (!ws.exists(workloadId))
            throw ApiException.notFound("workload", workloadId).at(null, null, "workloadId");
        return ws.load(workloadId, Set.of());
    }

    private static LoadedWorkload window(LoadedWorkload w, Instant from, Instant to) {
        if (from != null && to != null && !from.isBefore(to)) {
            throw ApiException.badRequest("to must be after from").at(null, null, "to");
        }
        return PlanWindow.apply(w, from, to);
    }

    private static void checkShared(PlacedPlan plan, LoadedWorkload other) {
        Set<String> names = new java.util.HashSet<>(plan.vmNames());
        for (var vm : other.vms()) if (names.contains(vm.name())) return;
        throw ApiException.unprocessable(
                        "no-shared-vms",
                        "workload '" + other.name() + "' has none of the plan's "
                                + plan.vmNames().size() + " VMs (VMs are matched by name)")
                .at(null, null, "workloadId");
    }
}
