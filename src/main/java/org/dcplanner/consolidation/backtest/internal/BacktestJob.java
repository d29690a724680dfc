package org.dcplanner.consolidation.backtest.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.dcplanner.consolidation.planning.PlanJobs;
import org.dcplanner.consolidation.planning.PlanLookup;
import org.dcplanner.consolidation.planning.PlanLookup.PlanState;
import org.dcplanner.consolidation.planning.PlanRequest;
import org.dcplanner.consolidation.problem.ApiException;
import org.dcplanner.consolidation.simulation.OutOfSampleReplays;
import org.dcplanner.consolidation.simulation.OutOfSampleReplays.Target;
import org.dcplanner.consolidation.simulation.OutOfSampleResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * One step of a backtest or sweep job, everything read from and written to PostgreSQL so any node can
 * take the next step: start the next fold's plan (id derived from job and fold, so a repeated step
 * never starts a second plan), or, once that plan has a placement, replay it on the training window
 * (in sample) and on the test data (out of sample) and store the fold's figures.
 */
@Component
class BacktestJob {
    private static final Logger log = LoggerFactory.getLogger(BacktestJob.class);
    private final BacktestStore store;
    private final PlanJobs planService;
    private final PlanLookup plans;
    private final OutOfSampleReplays replays;
    private final ObjectMapper json;

    BacktestJob(
            BacktestStore store,
            PlanJobs planService,
            PlanLookup plans,
            OutOfSampleReplays replays,
            ObjectMapper json) {
        this.store = store;
        this.planService = planService;
        this.plans = plans;
        this.replays = replays;
        this.json = json;
    }

    /** What the task does after a step. */
    enum Next {
        CONTINUE,
        WAIT,
        DONE
    }

    Next step(UUID id) {
        BacktestStore.Job job = store.find(id).orElse(null);
        if (job == null || job.finished()) return Next.DONE;
        store.markRunning(id);
        if (job.cancelRequested()) {
            cancel(id);
            return Next.DONE;
        }
        Optional<BacktestStore.Fold> open = store.nextOpenFold(id);
        if (open.isEmpty()) {
            boolean anyCompleted =
                    store.folds(id).stream().anyMatch(f -> f.status().equals("COMPLETED"));
            store.finish(id, anyCompleted ? "COMPLETED" : "FAILED", anyCompleted ? null : "no fold completed");
            return Next.DONE;
        }
        BacktestStore.Fold fold = open.get();
        return fold.status().equals("PENDING") ? startPlan(id, job, fold) : collect(id, fold);
    }

    private Next startPlan(UUID id, BacktestStore.Job job, BacktestStore.Fold fold) {
        UUID planId = UUID.nameUUIDFromBytes((id + ":" + fold.fold()).getBytes(StandardCharsets.UTF_8));
        try {
            PlanRequest request = json.treeToValue(fold.planRequest(), PlanRequest.class);
            if (request.name() == null) request = request.named(job.name() + " #" + (fold.fold() + 1));
            planService.start(request, planId, store.workspace(id));
            store.planning(id, fold.fold(), planId);
        } catch (ApiException e) {
            store.failFold(id, fold.fold(), "FAILED", e.getMessage());
        } catch (JsonProcessingException e) {
            store.failFold(id, fold.fold(), "FAILED", "unreadable plan request: " + e.getOriginalMessage());
        }
        return Next.CONTINUE;
    }

    private Next collect(UUID id, BacktestStore.Fold fold) {
        Optional<PlanState> state = plans.state(fold.planId());
        if (state.isEmpty()) {
            store.failFold(id, fold.fold(), "FAILED", "plan " + fold.planId() + " was deleted");
            return Next.CONTINUE;
        }
        PlanState plan = state.get();
        if (!plan.finished()) return Next.WAIT;
        if (plan.failed() || plans.placedPlan(fold.planId()).isEmpty()) {
            store.failFold(
                    id,
                    fold.fold(),
                    "FAILED",
                    "plan " + plan.status() + (plan.error() != null ? ": " + plan.error() : " without a placement"));
            return Next.CONTINUE;
        }
        try {
            JsonNode req = fold.planRequest();
            OutOfSampleResult in = replays.replayNow(
                    fold.planId(),
                    new Target(
                            UUID.fromString(req.get("workloadId").asText()),
                            instant(req, "from"),
                            instant(req, "to"),
                            null));
            OutOfSampleResult out = replays.replayNow(
                    fold.planId(), new Target(fold.testWorkloadId(), fold.testFrom(), fold.testTo(), null));
            store.completeFold(id, fold.fold(), in.hosts(), brief(in), brief(out));
            log.info("backtest {} fold {}: {} hosts, out of sample {}", id, fold.fold(), in.hosts(), out.resources());
        } catch (ApiException e) {
            store.failFold(id, fold.fold(), "FAILED", e.getMessage());
        }
        return Next.CONTINUE;
    }

    /** Stops the running fold's plan (its best is kept), closes open folds, ends the job CANCELLED. */
    private void cancel(UUID id) {
        for (BacktestStore.Fold f : store.folds(id)) {
            if (f.status().equals("PLANNING") && f.planId() != null) {
                plans.state(f.planId()).filter(s -> !s.finished()).ifPresent(s -> planService.stopOrDelete(f.planId()));
            }
        }
        store.cancelOpenFolds(id);
        store.finish(id, "CANCELLED", null);
    }

    /** A fold keeps the figures and the worst VMs, not every VM. */
    private static OutOfSampleResult brief(OutOfSampleResult r) {
        return new OutOfSampleResult(
                r.inSample(),
                r.workloadId(),
                r.workloadName(),
                r.from(),
                r.to(),
                r.stepSeconds(),
                r.steps(),
                r.virtualization(),
                r.planVms(),
                r.replayedVms(),
                r.hosts(),
                r.unplacedVms(),
                r.missingPlanVms(),
                r.resizedVms(),
                r.resources(),
                r.otherResources(),
                r.acrossResources(),
                r.energyKWh(),
                r.slatah(),
                r.worstVms(),
                List.of());
    }

    private static Instant instant(JsonNode node, String field) {
        JsonNode v = node.get(field);
        return v == null || v.isNull() ? null : Instant.parse(v.asText());
    }
}
