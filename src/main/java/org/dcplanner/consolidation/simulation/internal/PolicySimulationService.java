package org.dcplanner.consolidation.simulation.internal;

import com.github.kagkarlsson.scheduler.SchedulerClient;
import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.dcplanner.consolidation.ingestion.LoadedWorkload;
import org.dcplanner.consolidation.ingestion.Metric;
import org.dcplanner.consolidation.ingestion.WorkloadStore;
import org.dcplanner.consolidation.inventory.HostCatalog;
import org.dcplanner.consolidation.inventory.HostModel;
import org.dcplanner.consolidation.planning.PlacedPlan;
import org.dcplanner.consolidation.planning.PlanLookup;
import org.dcplanner.consolidation.planning.PlanRequest;
import org.dcplanner.consolidation.planning.PlanRequest.PoolEntry;
import org.dcplanner.consolidation.problem.ApiException;
import org.dcplanner.consolidation.simulation.PlacedPlans;
import org.dcplanner.consolidation.simulation.internal.SimulationRunner.PlanContext;
import org.dcplanner.consolidation.simulation.policy.PolicySpec;
import org.dcplanner.consolidation.virtualization.VirtualizationApproach;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * Replays with an online policy: queue one (from a plan, or with no plan on a host pool), run it as the
 * db-scheduler task "simulate-policy", read results.
 */
@Service
public class PolicySimulationService {
    private static final Logger log = LoggerFactory.getLogger(PolicySimulationService.class);
    static final String MODE_PLAN = "PLAN_AND_POLICY";
    static final String MODE_CLOUDSIM = "CLOUDSIM_EQUIVALENT";
    private final PolicyRunStore store;
    private final SimulationRunner runner;
    private final PlanLookup plans;
    private final WorkloadStore workloads;
    private final HostCatalog catalog;
    private final SchedulerClient scheduler;
    private final OneTimeTask<String> task;

    PolicySimulationService(
            PolicyRunStore store,
            SimulationRunner runner,
            PlanLookup plans,
            WorkloadStore workloads,
            HostCatalog catalog,
            SchedulerClient scheduler,
            OneTimeTask<String> simulatePolicyOneTimeTask) {
        this.store = store;
        this.runner = runner;
        this.plans = plans;
        this.workloads = workloads;
        this.catalog = catalog;
        this.scheduler = scheduler;
        this.task = simulatePolicyOneTimeTask;
    }

    /** The dynamic mode: the plan's placement, then the policy. 404/422 as for other replays of the plan. */
    public PolicyRun requestForPlan(UUID planId, PolicySpec policy) {
        checkPolicy(policy);
        PlacedPlan plan = PlacedPlans.require(plans, planId);
        return queue(new PolicySimulationRequest(plan.workloadId(), planId, null, policy, null, plan.approach(), null));
    }

    /** The CloudSim-equivalent mode: no plan, PABFD start on the first sample over {@code hostPool}. */
    public PolicyRun requestWithoutPlan(PolicySimulationRequest body) {
        if (body == null || body.workloadId() == null) throw invalid("workloadId", "workloadId is required");
        if (body.planId() != null) {
            throw invalid("planId", "a run from a plan is requested with POST /api/v1/plans/{id}/simulations");
        }
        checkPolicy(body.policy());
        if (body.start() != null && !PolicySimulationRequest.PABFD.equalsIgnoreCase(body.start())) {
            throw invalid("start", "start must be PABFD (power-aware best-fit decreasing on the first sample)");
        }
        List<PoolEntry> pool = body.hostPool();
        if (pool == null || pool.isEmpty()) throw invalid("hostPool", "hostPool needs at least one {model, count}");
        long total = 0;
        for (int i = 0; i < pool.size(); i++) {
            PoolEntry e = pool.get(i);
            String field = "hostPool[" + i + "]";
            if (e == null || e.model() == null || catalog.find(e.model()).isEmpty()) {
                throw invalid(
                        field + ".model",
                        field + ".model must be a host model of the catalog (GET /api/v1/host-models)");
            }
            if (e.count() == null || e.count() < 1 || e.count() > PolicySimulationRequest.MAX_POOL_HOSTS) {
                throw invalid(
                        field + ".count",
                        field + ".count must be between 1 and " + PolicySimulationRequest.MAX_POOL_HOSTS);
            }
            total += e.count();
        }
        if (total > PolicySimulationRequest.MAX_POOL_HOSTS) {
            throw invalid(
                    "hostPool",
                    "the pool may hold at most " + PolicySimulationRequest.MAX_POOL_HOSTS + " hosts, got " + total);
        }
        if (!workloads.exists(body.workloadId())) throw ApiException.notFound("workload", body.workloadId());
        return queue(new PolicySimulationRequest(
                body.workloadId(),
                null,
                List.copyOf(pool),
                body.policy(),
                PolicySimulationRequest.PABFD,
                body.virtualization() == null ? VirtualizationApproach.HARDWARE_ASSISTED : body.virtualization(),
                body.overheadInTrace() == null || body.overheadInTrace()));
    }

    public PolicyRun find(UUID id) {
        return store.find(id).orElseThrow(() -> ApiException.notFound("simulation", id));
    }

    /** One page of the caller's workspace's runs (filters optional), newest first. */
    public List<PolicyRun> list(UUID workloadId, UUID planId, long offset, int limit) {
        return store.list(workloadId, planId, Math.toIntExact(offset), limit);
    }

    public long count(UUID workloadId, UUID planId) {
        return store.count(workloadId, planId);
    }

    private PolicyRun queue(PolicySimulationRequest request) {
        UUID id = UUID.randomUUID();
        store.queue(id, request);
        RunTasks.schedule(scheduler, task, id);
        return store.find(id).orElseThrow();
    }

    /** Runs the stored request; failures end as FAILED with the reason. */
    void execute(UUID id) {
        PolicyRun run = store.find(id).orElse(null);
        if (run == null) {
            log.warn("policy simulation {} was queued but its row is gone; skipped", id);
            return;
        }
        store.markRunning(id);
        try {
            PolicySimulationRequest req = run.request();
            PolicyOutcome outcome = req.planId() != null ? fromPlan(req) : withoutPlan(req);
            store.complete(id, outcome);
        } catch (RuntimeException e) {
            log.warn("policy simulation {} failed: {}", id, e.getMessage());
            store.markFailed(id, e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
        }
    }

    private PolicyOutcome fromPlan(PolicySimulationRequest req) {
        PlanContext ctx = runner.context(req.planId());
        PlacedPlan plan = ctx.plan();
        List<HostModel> hosts = new ArrayList<>(ctx.hosts());
        Set<Integer> used = new HashSet<>();
        for (PlacedPlan.PlannedHost h : plan.hosts()) used.add(h.slotIndex());
        List<String> pool = plans.poolModels(req.planId());
        for (int slot = 0; slot < pool.size(); slot++) {
            if (used.contains(slot)) continue;
            hosts.add(catalog.find(pool.get(slot))
                    .orElseThrow(() -> ApiException.unprocessable(
                            "unknown-host-model",
                            "the plan's pool uses a host model that is no longer in the catalog")));
        }
        ReplayInput in = PlanReplayInputs.build(
                plan, ctx.workload(), hosts, runner.model(Map.of()), plan.approach(), false, false);
        OnlinePolicy policy = OnlinePolicy.fromPlan(
                req.policy(), ctx.hosts().size(), hosts.size(), plan.resources().contains(Metric.MEMORY));
        return PolicyOutcome.of(req.policy().label(), MODE_PLAN, Replay.run(in, policy));
    }

    private PolicyOutcome withoutPlan(PolicySimulationRequest req) {
        LoadedWorkload w = workloads.load(req.workloadId(), EnumSet.allOf(Metric.class));
        List<HostModel> hosts = new ArrayList<>();
        List<PlacedPlan.PlannedHost> slots = new ArrayList<>();
        for (PoolEntry e : req.hostPool()) {
            HostModel m = catalog.find(e.model())
                    .orElseThrow(() -> ApiException.unprocessable(
                            "unknown-host-model", "host model '" + e.model() + "' is no longer in the catalog"));
            for (int i = 0; i < e.count(); i++) {
                slots.add(new PlacedPlan.PlannedHost(hosts.size(), m.id()));
                hosts.add(m);
            }
        }
        int[] unplaced = new int[w.vms().size()];
        Arrays.fill(unplaced, -1);
        // no plan: a placeholder with the pool as its hosts, nothing placed, and the request's overhead rule
        PlacedPlan none = new PlacedPlan(
                null,
                w.id(),
                req.virtualization(),
                Set.of(Metric.CPU),
                1.0,
                slots,
                unplaced,
                new PlanRequest.Sizing(100.0, 0.0, false, 1, Boolean.TRUE.equals(req.overheadInTrace())),
                0,
                false,
                List.of(),
                null,
                null);
        ReplayInput in =
                PlanReplayInputs.build(none, w, hosts, runner.model(Map.of()), req.virtualization(), false, false);
        return PolicyOutcome.of(
                req.policy().label(), MODE_CLOUDSIM, Replay.run(in, OnlinePolicy.cloudSim(req.policy())));
    }

    private static void checkPolicy(PolicySpec policy) {
        if (policy == null) throw invalid("policy", "policy is required: {detection, parameter, selection}");
        String problem = policy.problem();
        if (problem != null)
            throw invalid(
                    problem.startsWith("policy.parameter")
                            ? "policy.parameter"
                            : problem.startsWith("policy.selection") ? "policy.selection" : "policy.detection",
                    problem);
    }

    private static ApiException invalid(String field, String detail) {
        return ApiException.badRequest(detail).at(null, null, field);
    }
}
