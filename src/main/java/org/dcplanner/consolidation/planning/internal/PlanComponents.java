package org.dcplanner.consolidation.planning.internal;

import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.dcplanner.consolidation.ingestion.LoadedWorkload;
import org.dcplanner.consolidation.ingestion.Metric;
import org.dcplanner.consolidation.ingestion.WorkloadStore;
import org.dcplanner.consolidation.inventory.HostCatalog;
import org.dcplanner.consolidation.inventory.HostModel;
import org.dcplanner.consolidation.planning.PlanRequest;
import org.dcplanner.consolidation.planning.PlanWindow;
import org.dcplanner.consolidation.planning.internal.PlanProblemFactory.BuiltProblem;
import org.dcplanner.consolidation.planning.solver.ConsolidationSolver;
import org.dcplanner.consolidation.virtualization.OverheadModel;
import org.dcplanner.consolidation.problem.ApiException;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/**
 * The other features planning depends on, resolved lazily: the application still starts (and
 * answers 503 on plan requests) while a feature that provides one of them is not deployed.
 */
@Component
class PlanComponents {
    /** Every metric is loaded: the overhead model derives CPU for I/O from disk and network. */
    private static final Set<Metric> ALL_METRICS = EnumSet.allOf(Metric.class);
    private final ObjectProvider<WorkloadStore> workloads;
    private final ObjectProvider<OverheadModel> overhead;
    private final ObjectProvider<ConsolidationSolver> solver;
    private final HostCatalog catalog;

    PlanComponents(ObjectProvider<WorkloadStore> workloads, ObjectProvider<OverheadModel> overhead,
                   ObjectProvider<ConsolidationSolver> solver, HostCatalog catalog) {
        this.workloads = workloads;
        this.overhead = overhead;
        this.solver = solver;
        this.catalog = catalog;
    }

    /** True when this node has every dependency a solve needs. */
    boolean available() {
        return workloads.getIfAvailable() != null && overhead.getIfAvailable() != null && solver.getIfAvailable() != null;
    }

    WorkloadStore workloads() {
        return required(workloads, "workload store");
    }

    HostCatalog catalog() {
        return catalog;
    }

    ConsolidationSolver solver() {
        return required(solver, "solver");
    }

    /** Loads the workload and builds the sized problem (validation problems surface as ApiException). */
    BuiltProblem build(PlanRequest request) {
        LoadedWorkload workload = PlanWindow.apply(workloads().load(request.workloadId(), ALL_METRICS),
                request.from(), request.to());
        return PlanProblemFactory.build(request, workload, catalog, required(overhead, "overhead model"));
    }

    /** The placement's overload risk on the plan's own workload ({@link OverloadRisk#assess}). */
    OverloadRisk assessOverloadRisk(PlanRequest request, int[] vmSlot, List<String> slotModels, Double riskZ) {
        LoadedWorkload workload = workloads().load(request.workloadId(), ALL_METRICS);
        Map<String, HostModel> byId = new HashMap<>();
        List<HostModel> models = slotModels.stream()
                .map(id -> byId.computeIfAbsent(id, k -> catalog.find(k).orElseThrow(() -> ApiException.notFound("host model", k))))
                .toList();
        return OverloadRisk.assess(request, workload, required(overhead, "overhead model"), models, vmSlot, riskZ);
    }

    /** Inside the caller's transaction: the request's host models cannot be deleted until it ends (404 if gone). */
    void holdPoolModels(PlanRequest request) {
        catalog.holdModels(request.hostPool().stream().map(PlanRequest.PoolEntry::model).distinct().toList());
    }

    boolean workloadExists(UUID id) {
        return workloads().exists(id);
    }

    private static <T> T required(ObjectProvider<T> provider, String what) {
        T bean = provider.getIfAvailable();
        if (bean == null) {
            throw new ApiException(HttpStatus.SERVICE_UNAVAILABLE, "feature-unavailable", "Feature unavailable",
                    "planning needs a " + what + ", which this deployment does not provide");
        }
        return bean;
    }
}
