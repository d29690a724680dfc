package org.dcplanner.consolidation.simulation.internal;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.dcplanner.consolidation.ingestion.LoadedWorkload;
import org.dcplanner.consolidation.ingestion.Metric;
import org.dcplanner.consolidation.ingestion.WorkloadStore;
import org.dcplanner.consolidation.inventory.HostCatalog;
import org.dcplanner.consolidation.inventory.HostModel;
import org.dcplanner.consolidation.planning.PlacedPlan;
import org.dcplanner.consolidation.planning.PlanLookup;
import org.dcplanner.consolidation.planning.PlanWindow;
import org.dcplanner.consolidation.planning.WindowSchedule;
import org.dcplanner.consolidation.problem.ApiException;
import org.dcplanner.consolidation.simulation.PlacedPlans;
import org.dcplanner.consolidation.simulation.internal.ApproachComparison.Comparison;
import org.dcplanner.consolidation.simulation.internal.ReplayResult.VmOutcome;
import org.dcplanner.consolidation.simulation.internal.StoredRun.VmSummary;
import org.dcplanner.consolidation.virtualization.VirtualizationApproach;
import org.dcplanner.consolidation.virtualization.VirtualizationOverheadModel;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/** Loads a plan and its workload and replays it; the body of the "simulate-plan" task and of on-demand replays. */
@Component
class SimulationRunner {
    private static final Logger log = LoggerFactory.getLogger(SimulationRunner.class);
    private final PlanLookup plans;
    private final WorkloadStore workloads;
    private final HostCatalog catalog;
    private final VirtualizationOverheadModel model;
    private final SimulationRunStore store;
    private final ApproachComparisonStore comparisons;
    private final InFlight<UUID, Comparison> comparing = new InFlight<>();

    SimulationRunner(
            PlanLookup plans,
            WorkloadStore workloads,
            HostCatalog catalog,
            VirtualizationOverheadModel model,
            SimulationRunStore store,
            ApproachComparisonStore comparisons) {
        this.comparisons = comparisons;
        this.plans = plans;
        this.workloads = workloads;
        this.catalog = catalog;
        this.model = model;
        this.store = store;
    }

    /** A plan's placement with its workload and host models, ready to build replay inputs from. */
    /** @param windows a time-windowed plan's placements per window, or null */
    record PlanContext(PlacedPlan plan, LoadedWorkload workload, List<HostModel> hosts, WindowSchedule windows) {
        PlanContext(PlacedPlan plan, LoadedWorkload workload, List<HostModel> hosts) {
            this(plan, workload, hosts, null);
        }

        ReplayInput input(VirtualizationOverheadModel model, VirtualizationApproach approach, boolean recordSeries) {
            return WindowedReplay.apply(
                    PlanReplayInputs.build(plan, workload, hosts, model, approach, recordSeries, false),
                    plan,
                    workload.grid(),
                    windows);
        }

        ReplayInput inputRecordingVms(VirtualizationOverheadModel model, VirtualizationApproach approach) {
            return WindowedReplay.apply(
                    PlanReplayInputs.build(plan, workload, hosts, model, approach, false, true),
                    plan,
                    workload.grid(),
                    windows);
        }

        /** This context with every approach's overhead modeled, even when the plan says its trace includes one. */
        PlanContext withModeledOverhead() {
            if (!plan.overheadInTrace()) return this;
            return new PlanContext(plan.withModeledOverhead(), workload, hosts, windows);
        }
    }

    PlanContext context(UUID planId) {
        PlanContext own = context(PlacedPlans.require(plans, planId));
        return new PlanContext(
                own.plan(),
                own.workload(),
                own.hosts(),
                plans.windowSchedule(planId).orElse(null));
    }

    /** The host models of a plan's placement, one per planned host, without loading its workload. */
    List<HostModel> hosts(PlacedPlan plan) {
        return PlanReplayInputs.hostModels(plan, catalog);
    }

    /** The replay context of a placement of a plan (its own, or another one on the same pool). */
    PlanContext context(PlacedPlan plan) {
        LoadedWorkload w = PlanWindow.apply(
                workloads.load(plan.workloadId(), EnumSet.allOf(Metric.class)), plan.from(), plan.to());
        return new PlanContext(plan, w, hosts(plan));
    }

    VirtualizationOverheadModel model(Map<String, ?> overrides) {
        try {
            return model.withOverrides(overrides);
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest(e.getMessage()).at(null, null, "overheadOverrides");
        }
    }

    /** Runs the stored request for (plan, approach) and records the outcome; failures end as FAILED. */
    void execute(UUID planId, VirtualizationApproach approach) {
        StoredRun run = store.find(planId, approach).orElse(null);
        if (run == null) {
            log.warn("simulation of plan {} ({}) was queued but its row is gone; skipped", planId, approach);
            return;
        }
        store.markRunning(planId, approach);
        try {
            long t0 = System.nanoTime();
            PlanContext ctx = context(planId);
            long t1 = System.nanoTime();
            ReplayResult raw = Replay.run(ctx.input(model(run.overheadOverrides()), approach, true));
            long t2 = System.nanoTime();
            ReplayResult r =
                    raw.withWarnings(PlanWarnings.of(raw.summary(), ctx.plan().resources()));
            store.complete(planId, ctx.workload().grid().start(), r, summaries(ctx, r));
            long vmSteps = (long) ctx.workload().vms().size() * r.steps();
            // what a large estate's replay spends where (docs/benchmarks.md "Estates end to end")
            log.info(
                    "replay of plan {} ({}): {} VM-steps; loaded in {} ms, replayed in {} ms ({} VM-steps/s),"
                            + " stored in {} ms",
                    planId,
                    approach,
                    vmSteps,
                    (t1 - t0) / 1_000_000,
                    (t2 - t1) / 1_000_000,
                    Math.round(vmSteps / Math.max(1e-9, (t2 - t1) / 1e9)),
                    (System.nanoTime() - t2) / 1_000_000);
        } catch (RuntimeException e) {
            log.warn("simulation of plan {} ({}) failed: {}", planId, approach, e.getMessage());
            store.markFailed(
                    planId, approach, e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
            return;
        } catch (OutOfMemoryError e) {
            // the trace's series did not fit this node's heap: a FAILED run says so instead of a retried job
            log.warn("simulation of plan {} ({}) ran out of memory", planId, approach);
            store.markFailed(
                    planId,
                    approach,
                    "the replay ran out of memory on this node (Java heap "
                            + (Runtime.getRuntime().maxMemory() >> 20) + " MiB): the whole trace is replayed");
            return;
        }
        // the dashboard asks for it next: computed now, in the background, instead of on its first request
        try {
            comparison(planId);
        } catch (RuntimeException e) {
            log.warn("approach comparison of plan {} not computed: {}", planId, e.getMessage());
        }
    }

    /** The plan's approach comparison (default overhead parameters): the stored one, or computed and stored. */
    Comparison comparison(UUID planId) {
        // the stored row is reached by id only: the plan must be the caller's (404) and placed (422) first
        PlacedPlan placed = PlacedPlans.require(plans, planId);
        // a request while the replay job computes it waits for that computation (minutes at 50,000 VMs)
        return comparisons
                .find(planId)
                .orElseGet(() -> comparing.get(
                        planId,
                        () -> comparisons.find(planId).orElseGet(() -> {
                            ComparisonMemory.check(
                                    workloads.storedCells(placed.workloadId()),
                                    Runtime.getRuntime().maxMemory());
                            Comparison c = ApproachComparison.compare(context(planId), model(Map.of()));
                            comparisons.save(planId, c);
                            return c;
                        })));
    }

    static List<VmSummary> summaries(PlanContext ctx, ReplayResult r) {
        List<VmSummary> out = new ArrayList<>(r.vms().size());
        for (VmOutcome v : r.vms()) {
            out.add(new VmSummary(
                    v.vm(),
                    ctx.workload().vms().get(v.vm()).name(),
                    v.host(),
                    v.minPerformance(),
                    v.p5Performance(),
                    v.meanPerformance(),
                    v.meanApproachPerformance(),
                    v.demandSteps(),
                    v.throttledSteps(),
                    v.peakHostCpuMhz()));
        }
        return out;
    }
}
