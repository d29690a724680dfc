package org.dcplanner.consolidation.backtest.internal;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Body of POST /api/v1/sweeps: the same workload planned once per variant, each plan replayed on a held-out
 * workload or window.
 *
 * @param workloadId     the workload to plan on, over [from, to) (null bounds: its whole range)
 * @param plan           the plan template (a plan request without workloadId)
 * @param variants       1..50 objects merged into the template, e.g. {"sizing": {"percentile": 99, "headroomPercent": 10}}
 *                       ({"label": "..."} names the point; default: the variant's JSON)
 * @param testWorkloadId the held-out workload (default: the plan's own) over [testFrom, testTo)
 */
public record SweepRequest(
        String name,
        UUID workloadId,
        Instant from,
        Instant to,
        JsonNode plan,
        List<JsonNode> variants,
        UUID testWorkloadId,
        Instant testFrom,
        Instant testTo) {
    static final int MAX_VARIANTS = 50;

    SweepRequest validated() {
        if (workloadId == null) throw BacktestRequest.invalid("workloadId", "workloadId is required");
        if (plan == null || !plan.isObject())
            throw BacktestRequest.invalid("plan", "plan (a plan request without workloadId) is required");
        if (plan.has("workloadId"))
            throw BacktestRequest.invalid("plan.workloadId", "plan must not name a workload: the sweep sets it");
        if (variants == null || variants.isEmpty() || variants.size() > MAX_VARIANTS) {
            throw BacktestRequest.invalid("variants", "variants needs 1 to " + MAX_VARIANTS + " objects");
        }
        for (int i = 0; i < variants.size(); i++) {
            if (variants.get(i) == null || !variants.get(i).isObject()) {
                throw BacktestRequest.invalid(
                        "variants[" + i + "]",
                        "variants[" + i + "] must be an object such as {\"sizing\": {\"percentile\": 99}}");
            }
        }
        if (from != null && to != null && !from.isBefore(to))
            throw BacktestRequest.invalid("to", "to must be after from");
        if (testFrom != null && testTo != null && !testFrom.isBefore(testTo)) {
            throw BacktestRequest.invalid("testTo", "testTo must be after testFrom");
        }
        if (testWorkloadId == null && testFrom == null && testTo == null) {
            throw BacktestRequest.invalid(
                    "testWorkloadId", "a sweep needs held-out data: testWorkloadId and/or testFrom/testTo");
        }
        if (name != null && name.strip().length() > 200)
            throw BacktestRequest.invalid("name", "name must be at most 200 characters");
        return this;
    }
}
