package org.dcplanner.consolidation.planning.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.UnaryOperator;
import org.dcplanner.consolidation.ingestion.LoadedWorkload;
import org.dcplanner.consolidation.ingestion.Metric;
import org.dcplanner.consolidation.ingestion.TimeGrid;
import org.dcplanner.consolidation.ingestion.WorkloadStore;
import org.dcplanner.consolidation.inventory.HostCatalog;
import org.dcplanner.consolidation.inventory.HostModel;
import org.dcplanner.consolidation.planning.PlanRequest;
import org.dcplanner.consolidation.planning.PlanWindow;
import org.dcplanner.consolidation.planning.internal.PlanProblemFactory.BuiltProblem;
import org.dcplanner.consolidation.planning.solver.SolveStopped;
import org.dcplanner.consolidation.planning.solver.StopPoll;
import org.dcplanner.consolidation.problem.ApiException;
import org.dcplanner.consolidation.virtualization.OverheadModel;
import org.springframework.stereotype.Component;

/** Loads a plan request's workload and host models and builds its sized problem, for starting and for solving. */
@Component
class PlanProblemLoader {
    /** Every metric is loaded: the overhead model derives CPU for I/O from disk and network. */
    private static final Set<Metric> ALL_METRICS = EnumSet.allOf(Metric.class);

    private final WorkloadStore workloads;
    /** A plan's start check, solve, partitions, merge and reads on this node size its workload once. */
    private final SizedProblemCache sizedProblems = new SizedProblemCache(2, Duration.ofMinutes(10));

    private final OverheadModel overhead;
    private final HostCatalog catalog;

    PlanProblemLoader(WorkloadStore workloads, OverheadModel overhead, HostCatalog catalog) {
        this.workloads = workloads;
        this.overhead = overhead;
        this.catalog = catalog;
    }

    /** When the plan's steps start: its window's first step, or the workload's. */
    java.time.Instant gridStart(PlanRequest request) {
        LoadedWorkload w = PlanWindow.apply(
                workloads.load(request.workloadId(), EnumSet.of(Metric.CPU)), request.from(), request.to());
        return w.grid().start();
    }

    /** The workload's VMs (configured sizes, no series). */
    List<org.dcplanner.consolidation.ingestion.WorkloadVm> vms(UUID workloadId) {
        return workloads.load(workloadId, EnumSet.noneOf(Metric.class)).vms();
    }

    HostCatalog catalog() {
        return catalog;
    }

    /** Where the workload's VMs run today (empty without an RVTools inventory). */
    org.dcplanner.consolidation.ingestion.CurrentEstate estate(UUID workloadId) {
        return workloads.estate(workloadId);
    }

    /** A from-today request on today's hosts (the others unchanged). */
    PlanRequest onTodaysHosts(PlanRequest request) {
        if (request.fromCurrentPlacement() == null) return request;
        return TodaysPlacement.onTodaysHosts(request, estate(request.workloadId()), catalog);
    }

    /** Loads the workload and builds the sized problem (validation problems surface as ApiException). */
    BuiltProblem build(PlanRequest request) {
        return build(request, StopPoll.never());
    }

    /** The same; a stop request seen while sizing throws {@link SolveStopped}. */
    BuiltProblem build(PlanRequest request, StopPoll stop) {
        return sizedProblems.get(request, () -> {
            LoadedWorkload workload = window(request);
            stop.check();
            return PlanProblemFactory.build(request, workload, catalog, overhead, stop);
        });
    }

    /**
     * What starting a plan checks synchronously: the problem with risk mode's packing search left to the job
     * ({@link PlanProblemFactory#preview}); same VMs, slots and steps as the solved problem.
     */
    BuiltProblem preview(PlanRequest request) {
        // without a risk target the preview is the problem itself: sized once for the start check and the solve
        if (request.sizing() == null || !request.sizing().riskTargeted()) return build(request);
        return PlanProblemFactory.preview(request, window(request), catalog, overhead);
    }

    private LoadedWorkload window(PlanRequest request) {
        PlanRequest.Sizing sizing = request.sizing();
        boolean foldsWholeTrace = sizing != null
                && !sizing.riskTargeted()
                && Boolean.TRUE.equals(sizing.foldDays())
                && sizing.percentile() != null
                && request.from() == null
                && request.to() == null;
        if (foldsWholeTrace) {
            // each series folded into the typical day as it is read: sizing it again is exact (one sample a slot)
            TimeGrid grid = workloads
                    .load(request.workloadId(), EnumSet.noneOf(Metric.class))
                    .grid();
            UnaryOperator<float[]> fold = foldable(grid, sizing.percentile());
            if (fold != null) {
                TimeGrid day = new TimeGrid(
                        Instant.EPOCH, grid.stepSeconds(), DemandSizer.SECONDS_PER_DAY / grid.stepSeconds());
                return workloads.load(request.workloadId(), ALL_METRICS, day, fold);
            }
        }
        return PlanWindow.apply(workloads.load(request.workloadId(), ALL_METRICS), request.from(), request.to());
    }

    /** The day folder of this grid, or null when it cannot be folded (sizing then says why, after the other checks). */
    private static UnaryOperator<float[]> foldable(TimeGrid grid, double percentile) {
        try {
            return DemandSizer.dayFolder(grid, percentile);
        } catch (ApiException e) {
            return null;
        }
    }

    /** The placement's overload risk on the plan's own workload ({@link OverloadRisk#assess}). */
    OverloadRisk assessOverloadRisk(PlanRequest request, int[] vmSlot, List<String> slotModels, Double riskZ) {
        LoadedWorkload workload = workloads.load(request.workloadId(), ALL_METRICS);
        Map<String, HostModel> byId = new HashMap<>();
        List<HostModel> models = slotModels.stream()
                .map(id -> byId.computeIfAbsent(
                        id, k -> catalog.find(k).orElseThrow(() -> ApiException.notFound("host model", k))))
                .toList();
        return OverloadRisk.assess(request, workload, overhead, models, vmSlot, riskZ);
    }

    /** Inside the caller's transaction: the request's host models cannot be deleted until it ends (404 if gone). */
    void holdPoolModels(PlanRequest request) {
        catalog.holdModels(request.hostPool().stream()
                .map(PlanRequest.PoolEntry::model)
                .distinct()
                .toList());
    }

    boolean workloadExists(UUID id) {
        return workloads.exists(id);
    }
}
