package org.dcplanner.consolidation.planning.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.kagkarlsson.scheduler.SchedulerClient;
import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.dcplanner.consolidation.planning.PlanRequest;
import org.dcplanner.consolidation.planning.internal.PlanProblemFactory.BuiltProblem;
import org.dcplanner.consolidation.planning.solver.ConsolidationSolver;
import org.dcplanner.consolidation.planning.solver.ConsolidationSolver.VmExplanation;
import org.dcplanner.consolidation.problem.ApiException;
import org.dcplanner.consolidation.security.CurrentUser;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/** The planning feature's entry: start, read, stop and delete plans; placements and explanations. */
@Service
public class PlanService implements org.dcplanner.consolidation.planning.PlanJobs {
    private final PlanRepository plans;
    private final PlanProblemLoader problems;
    private final ConsolidationSolver solver;
    private final PlanningProperties properties;
    private final SchedulerClient scheduler;
    private final OneTimeTask<String> solveTask;
    private final ObjectMapper json;
    private final TransactionTemplate transaction;
    private final PlanStopSignals stops;
    private final PartitionRepository partitions;
    private final PlanWindows windows;

    PlanService(
            PlanRepository plans,
            PlanProblemLoader problems,
            ConsolidationSolver solver,
            PlanningProperties properties,
            SchedulerClient scheduler,
            OneTimeTask<String> solvePlanOneTimeTask,
            ObjectMapper json,
            TransactionTemplate transaction,
            PlanStopSignals stops,
            PartitionRepository partitions,
            PlanWindows windows) {
        this.windows = windows;
        this.stops = stops;
        this.partitions = partitions;
        this.plans = plans;
        this.problems = problems;
        this.solver = solver;
        this.properties = properties;
        this.scheduler = scheduler;
        this.solveTask = solvePlanOneTimeTask;
        this.json = json;
        this.transaction = transaction;
    }

    /**
     * Validates (400/404/422), stores the plan QUEUED and queues its solve; returns the new id. Risk mode's packing
     * search runs in the job (stage SIZING); a target no packing of the pool can hold FAILS the plan there.
     */
    public UUID start(PlanRequest raw) {
        return start(raw, UUID.randomUUID(), CurrentUser.workspaceForNew());
    }

    /**
     * As {@link #start(PlanRequest)} under a caller-chosen id (a job that must not start a plan twice derives it
     * from its own state); when a plan with that id exists already, nothing is started and the id is returned.
     */
    @Override
    public UUID start(PlanRequest raw, UUID id, String workspace) {
        if (plans.exists(id)) return id;
        PlanRequest checked = raw.validated(properties.maxTimeLimitSeconds(), properties.defaultTimeLimitSeconds());
        if (!problems.workloadExists(checked.workloadId())) {
            throw ApiException.notFound("workload", checked.workloadId()).at(null, null, "workloadId");
        }
        PlanRequest request = problems.onTodaysHosts(checked);
        BuiltProblem built = problems.preview(request);
        // refuses (422 pool-too-large) a pool not even partitions bring into this node's heap
        PartitionCount.of(built.problem(), properties.partitionVms(), SolverMemoryCheck.budgetBytes());
        String name = request.name() != null
                ? request.name()
                : "plan-" + id.toString().substring(0, 8);
        // stored while its host models are held: a concurrent delete of a custom model waits, then sees the plan
        transaction.executeWithoutResult(status -> {
            problems.holdPoolModels(request);
            plans.insert(
                    id,
                    name,
                    request.workloadId(),
                    write(request),
                    built.problem().vmNames(),
                    built.slotModels(),
                    built.sized().steps(),
                    built.sized().stepSeconds(),
                    built.sized().folded(),
                    workspace);
        });
        try {
            SolvePlanTask.schedule(scheduler, solveTask, id);
        } catch (RuntimeException e) {
            plans.delete(id);
            throw e;
        }
        return id;
    }

    /** Checks a request's shape as {@link #start} would (400 naming the field) without loading anything. */
    @Override
    public PlanRequest validate(PlanRequest raw) {
        return raw.validated(properties.maxTimeLimitSeconds(), properties.defaultTimeLimitSeconds());
    }

    /** @param workloadId null = every workload's plans */
    public List<PlanView> list(UUID workloadId, int limit, long offset) {
        List<PlanRecord> page = plans.list(workloadId, limit, offset);
        Map<UUID, PartitionRepository.Progress> progress =
                partitions.progress(page.stream().map(PlanRecord::id).toList());
        return page.stream().map(p -> view(p, progress.get(p.id()))).toList();
    }

    public long count(UUID workloadId) {
        return plans.count(workloadId);
    }

    public PlanView get(UUID id) {
        // polled every second while solving: without the arrays that grow with the estate (300 KB at 10,000 VMs)
        PlanRecord p = plans.findSummary(id).orElseThrow(() -> ApiException.notFound("plan", id));
        return view(p, partitions.progress(List.of(id)).get(id));
    }

    private PlanView view(PlanRecord p, PartitionRepository.Progress partitionProgress) {
        SizingApplied applied = SizingApplied.of(readRequest(p.requestJson()).sizing(), p.stepSeconds(), p.folded());
        return PlanView.of(
                p,
                read(p.requestJson()),
                applied,
                p.overloadRiskJson() == null ? null : read(p.overloadRiskJson()),
                partitionProgress);
    }

    /**
     * DELETE: a queued or solving plan is stopped (cancel flag; the task keeps the best so far and
     * ends CANCELLED); a finished plan (COMPLETED, FAILED, CANCELLED) is deleted.
     *
     * @return true when the plan was deleted, false when a stop was requested
     */
    @Override
    public boolean stopOrDelete(UUID id) {
        require(id);
        if (plans.requestCancel(id)) {
            stops.requestStop(id);
            return false;
        }
        if (!plans.delete(id)) throw ApiException.notFound("plan", id);
        return true;
    }

    /** POST .../finish: a solving plan stops searching and keeps its best as a COMPLETED result; 409 otherwise. */
    public PlanView finish(UUID id) {
        PlanRecord p = require(id);
        if (!plans.requestFinish(id)) {
            throw new ApiException(
                    org.springframework.http.HttpStatus.CONFLICT,
                    "plan-not-solving",
                    "Plan is not solving",
                    "plan " + id + " is " + p.status() + "; only a solving plan can be finished now");
        }
        return get(id);
    }

    public List<PlacementView> placements(UUID id) {
        PlanRecord p = requireSolution(id);
        List<PlacementView> out = new ArrayList<>(p.vmSlot().length);
        for (int vm = 0; vm < p.vmSlot().length; vm++) {
            int slot = p.vmSlot()[vm];
            out.add(new PlacementView(
                    vm,
                    p.vmNames().get(vm),
                    slot,
                    slot < 0 ? null : p.slotModels().get(slot)));
        }
        return out;
    }

    public List<ExplanationView> explanation(UUID id) {
        PlanRecord p = requireSolution(id);
        PlanRequest request = readRequest(p.requestJson());
        BuiltProblem built = problems.build(request);
        SolverMemoryCheck.checkExplanation(built.problem(), SolverMemoryCheck.budgetBytes());
        List<VmExplanation> explained = solver.explain(built.problem(), p.vmSlot());
        PlacementWords words = new PlacementWords(
                built.problem(),
                built.vms(),
                p.vmSlot(),
                p.stepSeconds(),
                PlanRules.affinityNames(request, built.vms()));
        return explained.stream()
                .map(e -> {
                    PlacementWords.Words w = words.explain(e.vm(), e.bindingResource(), e.bindingStep());
                    return new ExplanationView(
                            e.vm(),
                            p.vmNames().get(e.vm()),
                            e.slot(),
                            e.slot() < 0 ? null : p.slotModels().get(e.slot()),
                            e.bindingResource(),
                            e.bindingStep(),
                            (long) e.bindingStep() * p.stepSeconds(),
                            e.bindingUtilization(),
                            e.matchedConstraints(),
                            built.problem().pinnedSlot()[e.vm()] >= 0,
                            w.text(),
                            w.share(),
                            w.headroom(),
                            w.headroomUnit(),
                            w.nearestSlot() < 0 ? null : w.nearestSlot(),
                            w.nearestWhyNot());
                })
                .toList();
    }

    /** The stored whole-VM failover map (JSON); 404 problem when the plan has none. */
    public String failover(UUID id) {
        require(id);
        return plans.failover(id)
                .orElseThrow(() -> new ApiException(
                        HttpStatus.NOT_FOUND,
                        "no-failover-map",
                        "No failover map",
                        "plan " + id + " has no failover map: it has no HA reserve or has not finished"));
    }

    /** The stored rules report (JSON); 404 problem when the plan has none. */
    public String rules(UUID id) {
        require(id);
        return plans.rules(id)
                .orElseThrow(() -> new ApiException(
                        HttpStatus.NOT_FOUND,
                        "no-rules-report",
                        "No rules report",
                        "plan " + id + " has no rules report: its request has no rules or it has not finished"));
    }

    /** Per active host: vCPU:pCPU and configured memory ratios, VMs, and the limits the request set. */
    public List<HostRatioView> hostRatios(UUID id) {
        PlanRecord p = requireSolution(id);
        PlanRequest request = readRequest(p.requestJson());
        return HostRatioView.of(request, p.slotModels(), p.vmSlot(), problems.vms(p.workloadId()), problems.catalog());
    }

    /** The moves from today's placement to the plan's, in an order that keeps every host within capacity. */
    public ActionPlanView actions(UUID id) {
        PlanRecord p = requireSolution(id);
        PlanRequest request = readRequest(p.requestJson());
        if (request.fromCurrentPlacement() == null) {
            throw new ApiException(
                    HttpStatus.CONFLICT,
                    "not-from-current-placement",
                    "Not planned from today's placement",
                    "plan " + id + " was planned on an empty pool: ask for fromCurrentPlacement to get an action plan");
        }
        BuiltProblem built = problems.build(request);
        var estate = problems.estate(request.workloadId());
        int[] today = TodaysPlacement.startSlots(estate, built.vms());
        return ActionPlanView.between(
                id, built, problems.catalog(), TodaysPlacement.hostNames(estate), today, p.vmSlot());
    }

    /** A time-windowed plan's placements per window (stored once it finished); empty for a plan with one placement. */
    java.util.Optional<org.dcplanner.consolidation.planning.WindowSchedule> windowSchedule(PlanRecord p) {
        return windows.schedule(p, readRequest(p.requestJson()));
    }

    /** GET /plans/{id}/windows (409 without a placement or without time windows). */
    WindowPlans.WindowsView windows(UUID id) {
        PlanRecord p = requireSolution(id);
        return WindowPlans.WindowsView.of(id, windowSchedule(p).orElseThrow(() -> notWindowed(id)));
    }

    /** The action plan that begins window {@code window}: from the window before it to its placement. */
    public ActionPlanView windowActions(UUID id, int window) {
        PlanRecord p = requireSolution(id);
        PlanRequest request = readRequest(p.requestJson());
        var schedule = windows.schedule(p, request).orElseThrow(() -> notWindowed(id));
        org.dcplanner.consolidation.problem.Ranges.check(
                "window", window, 0, schedule.startHours().size() - 1);
        return windows.actions(p, request, window);
    }

    private static ApiException notWindowed(UUID id) {
        return new ApiException(
                HttpStatus.CONFLICT,
                "not-time-windowed",
                "Not a time-windowed plan",
                "plan " + id + " has one placement for the whole day: ask for timeWindows to get one per window");
    }

    /** Per VM of a plan made from today's placement, the slot of its host today (-1: not known). */
    int[] todaysSlots(PlanRecord p) {
        PlanRequest request = readRequest(p.requestJson());
        return TodaysPlacement.startSlots(problems.estate(request.workloadId()), problems.vms(request.workloadId()));
    }

    PlanRecord require(UUID id) {
        return plans.find(id).orElseThrow(() -> ApiException.notFound("plan", id));
    }

    private PlanRecord requireSolution(UUID id) {
        PlanRecord p = require(id);
        if (!p.hasSolution()) {
            throw new ApiException(
                    HttpStatus.CONFLICT,
                    "no-placement-yet",
                    "No placement yet",
                    "plan " + id + " is " + p.status() + " and has no placement yet"
                            + (p.error() != null ? ": " + p.error() : ""));
        }
        return p;
    }

    PlanRequest readRequest(String text) {
        try {
            return json.readValue(text, PlanRequest.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored plan request is unreadable", e);
        }
    }

    private JsonNode read(String text) {
        try {
            return json.readTree(text);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored plan request is unreadable", e);
        }
    }

    private String write(PlanRequest request) {
        try {
            return json.writeValueAsString(request);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
