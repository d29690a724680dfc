package org.dcplanner.consolidation.backtest.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.kagkarlsson.scheduler.SchedulerClient;
import com.github.kagkarlsson.scheduler.task.helper.CustomTask;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.dcplanner.consolidation.ingestion.LoadedWorkload;
import org.dcplanner.consolidation.ingestion.WorkloadStore;
import org.dcplanner.consolidation.planning.PlanJobs;
import org.dcplanner.consolidation.planning.PlanRequest;
import org.dcplanner.consolidation.problem.ApiException;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;

/** Starts, reads, stops and deletes backtests and sweeps. */
@Service
public class BacktestService {
    static final String BACKTEST = "BACKTEST";
    static final String SWEEP = "SWEEP";
    private final BacktestStore store;
    private final WorkloadStore workloads;
    private final PlanJobs plans;
    private final SchedulerClient scheduler;
    private final CustomTask<String> task;
    private final ObjectMapper json;

    BacktestService(
            BacktestStore store,
            WorkloadStore workloads,
            PlanJobs plans,
            SchedulerClient scheduler,
            CustomTask<String> runBacktestTask,
            ObjectMapper json) {
        this.store = store;
        this.workloads = workloads;
        this.plans = plans;
        this.scheduler = scheduler;
        this.task = runBacktestTask;
        this.json = json;
    }

    /** Validates (400/404/422), stores the job and its folds QUEUED, queues it; returns its id. */
    public UUID startBacktest(BacktestRequest raw) {
        BacktestRequest r = raw.validated();
        List<FoldSpec> folds;
        if (r.workloadId() != null) {
            folds = BacktestFolds.rolling(
                    r, workload(r.workloadId(), "workloadId").grid());
        } else {
            List<String> names = new ArrayList<>();
            for (int i = 0; i < r.workloadIds().size(); i++)
                names.add(workload(r.workloadIds().get(i), "workloadIds[" + i + "]")
                        .name());
            folds = BacktestFolds.consecutive(r, names);
        }
        return start(BACKTEST, r.name() != null ? r.name() : "backtest", r, folds);
    }

    public UUID startSweep(SweepRequest raw) {
        SweepRequest r = raw.validated();
        workload(r.workloadId(), "workloadId");
        if (r.testWorkloadId() != null) workload(r.testWorkloadId(), "testWorkloadId");
        return start(SWEEP, r.name() != null ? r.name() : "sweep", r, BacktestFolds.sweep(r));
    }

    private UUID start(String kind, String name, Object request, List<FoldSpec> folds) {
        for (int i = 0; i < folds.size(); i++)
            checkPlan(folds.get(i).planRequest(), kind.equals(SWEEP) ? "variants[" + i + "]" : "plan");
        UUID id = UUID.randomUUID();
        store.insert(id, kind, name, request, folds);
        BacktestTask.schedule(scheduler, task, id);
        return id;
    }

    /**
     * Each fold's plan request must be a valid plan request (400 naming the field); a field plans do not know
     * (e.g. a misspelt sizing option) is refused rather than silently ignored.
     */
    private void checkPlan(ObjectNode request, String where) {
        PlanRequest parsed;
        try {
            parsed = json.treeToValue(request, PlanRequest.class);
        } catch (JsonProcessingException e) {
            // strict JSON names the bad field (unknown, misspelt, a fraction for a whole number): point at its path
            String field = where;
            if (e instanceof com.fasterxml.jackson.databind.JsonMappingException m) {
                field = where
                        + m.getPath().stream()
                                .map(r -> r.getFieldName() != null ? "." + r.getFieldName() : "[" + r.getIndex() + "]")
                                .collect(java.util.stream.Collectors.joining());
            }
            String why = e instanceof com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException
                    ? " is not a field of a plan request"
                    : ": " + e.getOriginalMessage();
            throw ApiException.badRequest(field + why).at(null, null, field);
        }
        String unknown = unknownField(request, json.valueToTree(parsed), where);
        if (unknown != null)
            throw ApiException.badRequest(unknown + " is not a field of a plan request")
                    .at(null, null, unknown);
        plans.validate(parsed);
    }

    /** The path of the first field of {@code given} that {@code known} (the parsed request written back) lacks. */
    static String unknownField(
            com.fasterxml.jackson.databind.JsonNode given, com.fasterxml.jackson.databind.JsonNode known, String path) {
        for (var it = given.fields(); it.hasNext(); ) {
            var e = it.next();
            if (!known.has(e.getKey())) return path + "." + e.getKey();
            if (e.getValue().isObject() && known.get(e.getKey()).isObject()) {
                String inner = unknownField(e.getValue(), known.get(e.getKey()), path + "." + e.getKey());
                if (inner != null) return inner;
            }
        }
        return null;
    }

    public BacktestView get(UUID id, String kind) {
        BacktestStore.Job job = store.find(id)
                .filter(j -> j.kind().equals(kind))
                .orElseThrow(() -> ApiException.notFound(kind.toLowerCase(), id));
        return BacktestView.of(job, store.folds(id));
    }

    /** One page of the caller's workspace's jobs of a kind, newest first, without folds. */
    public List<BacktestView> list(String kind, long offset, int limit) {
        return store.list(kind, Math.toIntExact(offset), limit).stream()
                .map(j -> BacktestView.of(j, List.of()))
                .toList();
    }

    public long count(String kind) {
        return store.count(kind);
    }

    /** Running: stop requested (true = still running); finished: deleted with its folds' plans. */
    public boolean stopOrDelete(UUID id, String kind) {
        BacktestStore.Job job = store.find(id)
                .filter(j -> j.kind().equals(kind))
                .orElseThrow(() -> ApiException.notFound(kind.toLowerCase(), id));
        if (!job.finished() && store.requestCancel(id)) return false;
        for (BacktestStore.Fold f : store.folds(id)) {
            if (f.planId() == null) continue;
            try {
                plans.stopOrDelete(f.planId());
            } catch (ApiException e) {
                if (e.problem().getStatus() != HttpStatus.NOT_FOUND.value()) throw e;
            }
        }
        store.delete(id);
        return true;
    }

    private LoadedWorkload workload(UUID id, String field) {
        if (!workloads.exists(id)) throw ApiException.notFound("workload", id).at(null, null, field);
        LoadedWorkload w = workloads.load(id, Set.of());
        if (w.grid().steps() == 1) {
            throw ApiException.unprocessable(
                            "snapshot-workload",
                            "workload '" + w.name() + "' is a one-step snapshot (e.g. an RVTools export alone): a"
                                    + " back-test needs a time series to plan on one part and replay on another")
                    .at(null, null, field);
        }
        return w;
    }
}
