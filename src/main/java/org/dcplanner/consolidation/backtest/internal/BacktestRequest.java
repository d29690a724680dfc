package org.dcplanner.consolidation.backtest.internal;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.UUID;
import org.dcplanner.consolidation.problem.ApiException;

/**
 * Body of POST /api/v1/backtests. Either one workload cut into rolling windows (training then test, moved
 * forward by the stride), or a list of workloads (e.g. consecutive days): fold i plans on workloadIds[i]
 * and replays on workloadIds[i + 1].
 *
 * @param plan          the plan template: a plan request without workloadId (hostPool, resources, sizing, ...)
 * @param trainingDays  training window in days, 1..365 (or trainingSteps, 1..1,000,000)
 * @param testDays      test window in days, 1..365 (default 1; or testSteps)
 * @param stepDays      stride between folds in days, 1..365 (or stepSteps; default: the test length)
 * @param maxFolds      at most this many folds, 1..100 (default 30)
 */
public record BacktestRequest(
        String name,
        UUID workloadId,
        List<UUID> workloadIds,
        JsonNode plan,
        Integer trainingDays,
        Integer testDays,
        Integer trainingSteps,
        Integer testSteps,
        Integer stepDays,
        Integer stepSteps,
        Integer maxFolds) {
    static final int MAX_DAYS = 365;
    static final int MAX_STEPS = 1_000_000;
    static final int MAX_FOLDS = 100;
    static final int DEFAULT_MAX_FOLDS = 30;

    /** Shape checks (400 naming the field); what needs the workload is checked by {@link BacktestFolds}. */
    BacktestRequest validated() {
        boolean list = workloadIds != null && !workloadIds.isEmpty();
        if (workloadId == null && !list) throw invalid("workloadId", "workloadId or workloadIds is required");
        if (workloadId != null && list) throw invalid("workloadIds", "give workloadId or workloadIds, not both");
        if (list && workloadIds.size() < 2)
            throw invalid("workloadIds", "workloadIds needs at least two workloads (train on one, test on the next)");
        if (list && workloadIds.stream().anyMatch(java.util.Objects::isNull))
            throw invalid("workloadIds", "workloadIds must not contain null");
        if (plan == null || !plan.isObject())
            throw invalid("plan", "plan (a plan request without workloadId) is required");
        if (plan.has("workloadId"))
            throw invalid("plan.workloadId", "plan must not name a workload: the backtest sets it per fold");
        if (!list) {
            if (trainingDays == null && trainingSteps == null)
                throw invalid("trainingDays", "trainingDays or trainingSteps is required");
            range("trainingDays", trainingDays, MAX_DAYS);
            range("testDays", testDays, MAX_DAYS);
            range("stepDays", stepDays, MAX_DAYS);
            range("trainingSteps", trainingSteps, MAX_STEPS);
            range("testSteps", testSteps, MAX_STEPS);
            range("stepSteps", stepSteps, MAX_STEPS);
        }
        range("maxFolds", maxFolds, MAX_FOLDS);
        if (name != null && name.strip().length() > 200) throw invalid("name", "name must be at most 200 characters");
        return new BacktestRequest(
                name == null || name.isBlank() ? null : name.strip(),
                workloadId,
                list ? List.copyOf(workloadIds) : null,
                plan,
                trainingDays,
                testDays == null && testSteps == null && !list ? Integer.valueOf(1) : testDays,
                trainingSteps,
                testSteps,
                stepDays,
                stepSteps,
                maxFolds == null ? DEFAULT_MAX_FOLDS : maxFolds);
    }

    private static void range(String field, Integer value, int max) {
        if (value != null && (value < 1 || value > max)) throw invalid(field, field + " must be between 1 and " + max);
    }

    static ApiException invalid(String field, String detail) {
        return ApiException.badRequest(detail).at(null, null, field);
    }
}
