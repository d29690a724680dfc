package org.dcplanner.consolidation.backtest.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.dcplanner.consolidation.ingestion.TimeGrid;
import org.dcplanner.consolidation.problem.ApiException;

/** Turns a backtest or sweep request into its folds (training plan request + test target). */
final class BacktestFolds {
    private static final int SECONDS_PER_DAY = 86_400;

    private BacktestFolds() {}

    /** Rolling windows over one workload's grid: train [s, s + L), test [s + L, s + L + T), s += stride. */
    static List<FoldSpec> rolling(BacktestRequest r, TimeGrid grid) {
        int training = steps(r.trainingSteps(), r.trainingDays(), grid, "trainingDays");
        int test = steps(r.testSteps(), r.testDays(), grid, "testDays");
        int stride = r.stepSteps() != null || r.stepDays() != null
                ? steps(r.stepSteps(), r.stepDays(), grid, "stepDays")
                : test;
        List<FoldSpec> folds = new ArrayList<>();
        for (long start = 0; start + training + test <= grid.steps() && folds.size() < r.maxFolds(); start += stride) {
            Instant trainFrom = grid.at((int) start);
            Instant testFrom = grid.at((int) start + training);
            Instant testTo = grid.at((int) start + training + test);
            folds.add(new FoldSpec(
                    "train " + trainFrom + " .. " + testFrom + ", test .. " + testTo,
                    planRequest(r.plan(), r.workloadId(), trainFrom, testFrom),
                    r.workloadId(),
                    testFrom,
                    testTo));
        }
        if (folds.isEmpty()) {
            throw ApiException.unprocessable(
                            "workload-too-short",
                            "the workload has " + grid.steps() + " steps of " + grid.stepSeconds()
                                    + " s; one fold needs " + training + " training + " + test + " test steps")
                    .at(null, null, "trainingDays");
        }
        return folds;
    }

    /** Consecutive workloads: fold i plans on workloadIds[i] and replays on workloadIds[i + 1]. */
    static List<FoldSpec> consecutive(BacktestRequest r, List<String> names) {
        List<FoldSpec> folds = new ArrayList<>();
        for (int i = 0; i + 1 < r.workloadIds().size() && folds.size() < r.maxFolds(); i++) {
            folds.add(new FoldSpec(
                    "train " + names.get(i) + ", test " + names.get(i + 1),
                    planRequest(r.plan(), r.workloadIds().get(i), null, null),
                    r.workloadIds().get(i + 1),
                    null,
                    null));
        }
        return folds;
    }

    /** One fold per variant: the template with the variant merged in, fitted to [from, to), replayed on the held-out data. */
    static List<FoldSpec> sweep(SweepRequest r) {
        List<FoldSpec> folds = new ArrayList<>();
        UUID test = r.testWorkloadId() == null ? r.workloadId() : r.testWorkloadId();
        for (JsonNode variant : r.variants()) {
            ObjectNode v = variant.deepCopy();
            JsonNode label = v.remove("label");
            ObjectNode request = planRequest(r.plan(), r.workloadId(), r.from(), r.to());
            merge(request, v);
            folds.add(new FoldSpec(
                    label != null && label.isTextual() ? label.asText() : v.toString(),
                    request,
                    test,
                    r.testFrom(),
                    r.testTo()));
        }
        return folds;
    }

    private static ObjectNode planRequest(JsonNode template, UUID workload, Instant from, Instant to) {
        ObjectNode request = template.deepCopy();
        request.put("workloadId", workload.toString());
        if (from != null) request.put("from", from.toString());
        if (to != null) request.put("to", to.toString());
        return request;
    }

    /** Deep merge: objects merge field by field, anything else replaces. */
    private static void merge(ObjectNode target, ObjectNode patch) {
        for (Iterator<Map.Entry<String, JsonNode>> it = patch.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            JsonNode existing = target.get(e.getKey());
            if (existing instanceof ObjectNode o && e.getValue() instanceof ObjectNode p) merge(o, p);
            else target.set(e.getKey(), e.getValue().deepCopy());
        }
    }

    private static int steps(Integer steps, Integer days, TimeGrid grid, String field) {
        if (steps != null) return steps;
        if (SECONDS_PER_DAY % grid.stepSeconds() != 0) {
            throw ApiException.unprocessable(
                            "step-does-not-divide-day",
                            "the workload's step (" + grid.stepSeconds()
                                    + " s) does not divide a day: give the lengths in steps")
                    .at(null, null, field);
        }
        return days * (SECONDS_PER_DAY / grid.stepSeconds());
    }
}
