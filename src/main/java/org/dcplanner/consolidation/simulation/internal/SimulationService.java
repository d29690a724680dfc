package org.dcplanner.consolidation.simulation.internal;

import com.github.kagkarlsson.scheduler.SchedulerClient;
import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.dcplanner.consolidation.planning.PlacedPlan;
import org.dcplanner.consolidation.planning.PlanCompleted;
import org.dcplanner.consolidation.planning.PlanLookup;
import org.dcplanner.consolidation.problem.ApiException;
import org.dcplanner.consolidation.simulation.PlacedPlans;
import org.dcplanner.consolidation.simulation.PlanPowerLookup;
import org.dcplanner.consolidation.simulation.internal.ApproachComparison.Comparison;
import org.dcplanner.consolidation.simulation.internal.SimulationRunner.PlanContext;
import org.dcplanner.consolidation.virtualization.VirtualizationApproach;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;

/**
 * The simulation feature's public API: queue replays (automatically when a plan completes, or on
 * request for another approach), read stored results, compare approaches, and give savings the
 * replayed power of a plan.
 */
@Service
public class SimulationService implements PlanPowerLookup {
    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(SimulationService.class);
    private final SimulationRunStore store;
    private final SimulationRunner runner;
    private final PlanLookup plans;
    private final SchedulerClient scheduler;
    private final OneTimeTask<String> task;

    SimulationService(
            SimulationRunStore store,
            SimulationRunner runner,
            PlanLookup plans,
            SchedulerClient scheduler,
            OneTimeTask<String> simulatePlanOneTimeTask) {
        this.store = store;
        this.runner = runner;
        this.plans = plans;
        this.scheduler = scheduler;
        this.task = simulatePlanOneTimeTask;
    }

    /** Replay of the plan's own approach as soon as the planner has a placement; never fails the publisher. */
    @EventListener
    void onPlanCompleted(PlanCompleted event) {
        try {
            plans.placedPlan(event.planId()).ifPresent(p -> queue(p.planId(), p.approach(), Map.of()));
        } catch (RuntimeException e) {
            log.warn("could not queue the simulation of completed plan {}: {}", event.planId(), e.toString());
        }
    }

    /** Queues a replay; approach null = the plan's own. Overrides are validated now (400 if unknown or out of range). */
    public StoredRun request(UUID planId, VirtualizationApproach approach, Map<String, Object> overheadOverrides) {
        PlacedPlan plan = placed(planId);
        Map<String, Object> overrides = overheadOverrides == null ? Map.of() : overheadOverrides;
        runner.model(overrides);
        return queue(planId, approach == null ? plan.approach() : approach, overrides);
    }

    private StoredRun queue(UUID planId, VirtualizationApproach approach, Map<String, Object> overrides) {
        store.queue(planId, approach, overrides);
        SimulationTask.schedule(scheduler, task, planId, approach);
        return store.find(planId, approach).orElseThrow();
    }

    public VirtualizationApproach defaultApproach(UUID planId) {
        return placed(planId).approach();
    }

    /** The stored run; empty also when the plan is not in the caller's workspace (runs belong to their plan). */
    public Optional<StoredRun> find(UUID planId, VirtualizationApproach approach) {
        return plans.exists(planId) ? store.find(planId, approach) : Optional.empty();
    }

    public List<StoredRun> findAll(UUID planId) {
        if (!plans.exists(planId)) throw ApiException.notFound("plan", planId);
        return store.findAll(planId);
    }

    Optional<float[][]> hostSeries(
            UUID planId,
            VirtualizationApproach approach,
            java.util.Set<org.dcplanner.consolidation.ingestion.Metric> wanted) {
        return plans.exists(planId) ? store.hostSeries(planId, approach, wanted) : Optional.empty();
    }

    /** Per-host summary of a completed replay (404 while it is not there). */
    List<HostSummary> hostSummary(UUID planId, VirtualizationApproach approach) {
        StoredRun run = store.find(planId, approach)
                .filter(r -> r.status() == SimulationStatus.COMPLETED)
                .orElseThrow(() -> ApiException.notFound("completed simulation", planId + " (" + approach + ")"));
        return HostSummary.of(
                run,
                store.hostSeries(
                                planId,
                                approach,
                                java.util.EnumSet.allOf(org.dcplanner.consolidation.ingestion.Metric.class))
                        .orElse(null));
    }

    /**
     * FULL vs PARAVIRTUAL vs HARDWARE_ASSISTED for one plan (default parameters): computed once, after the plan's
     * replay or at the first request, then read back (V91).
     */
    public Comparison compare(UUID planId) {
        return runner.comparison(planId);
    }

    /** Per-VM host-side demand of one host of the plan (the stacked demand-vs-capacity chart). */
    HostDemandView hostDemand(UUID planId, VirtualizationApproach approach, int host) {
        PlanContext ctx = runner.context(planId);
        if (host < 0 || host >= ctx.hosts().size()) throw ApiException.notFound("host", host);
        Map<String, Object> overrides =
                store.find(planId, approach).map(StoredRun::overheadOverrides).orElse(Map.of());
        return HostDemandView.of(ctx, runner.model(overrides), approach, host);
    }

    /** One VM's delivered ÷ demanded performance per step (replayed now with the run's overrides). */
    VmPerformanceView vmPerformance(UUID planId, VirtualizationApproach approach, int vm) {
        PlanContext ctx = runner.context(planId);
        if (vm < 0 || vm >= ctx.workload().vms().size()) throw ApiException.notFound("VM", vm);
        Map<String, Object> overrides =
                store.find(planId, approach).map(StoredRun::overheadOverrides).orElse(Map.of());
        ReplayResult r = Replay.run(ctx.inputRecordingVms(runner.model(overrides), approach));
        return new VmPerformanceView(
                vm,
                ctx.workload().vms().get(vm).name(),
                r.vms().get(vm).host(),
                approach,
                r.stepSeconds(),
                r.vms().get(vm),
                nullForNaN(r.vmPerformance()[vm]));
    }

    /** performance: per step delivered ÷ demanded, null (JSON) where the VM demanded nothing. */
    record VmPerformanceView(
            int vm,
            String name,
            int host,
            VirtualizationApproach virtualization,
            int stepSeconds,
            ReplayResult.VmOutcome summary,
            Float[] performance) {}

    private static Float[] nullForNaN(float[] values) {
        Float[] out = new Float[values.length];
        for (int i = 0; i < values.length; i++) out[i] = Float.isNaN(values[i]) ? null : values[i];
        return out;
    }

    @Override
    public PlanPower planPower(UUID planId) {
        PlacedPlan plan = placed(planId);
        Optional<StoredRun> stored =
                store.find(planId, plan.approach()).filter(r -> r.status() == SimulationStatus.COMPLETED);
        if (stored.isPresent()) {
            // the completed replay's figures: no need to load the trace (a month of 10,000 VMs took 4 s)
            var s = stored.get().summary();
            return new PlanPower(plan.approach(), runner.hosts(plan), s.averageItWatts(), s.peakItWatts(), true);
        }
        PlanContext ctx = runner.context(planId);
        ReplayResult r = Replay.run(ctx.input(runner.model(Map.of()), plan.approach(), false));
        return new PlanPower(
                plan.approach(),
                ctx.hosts(),
                r.summary().averageItWatts(),
                r.summary().peakItWatts(),
                false);
    }

    /**
     * For a plan made from today's placement: today's hosts in use and their IT power, replayed on the plan's
     * workload with every VM where it runs today (empty for other plans).
     */
    @Override
    public Optional<PlanPower> todaysPower(UUID planId) {
        return plans.todaysPlacement(planId).map(today -> {
            PlanContext ctx = runner.context(today);
            ReplayResult r = Replay.run(ctx.input(runner.model(Map.of()), today.approach(), false));
            return new PlanPower(
                    today.approach(),
                    ctx.hosts(),
                    r.summary().averageItWatts(),
                    r.summary().peakItWatts(),
                    false);
        });
    }

    private PlacedPlan placed(UUID planId) {
        return PlacedPlans.require(plans, planId);
    }
}
