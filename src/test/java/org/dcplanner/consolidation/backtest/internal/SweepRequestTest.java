package org.dcplanner.consolidation.backtest.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import org.dcplanner.consolidation.problem.ApiException;
import org.junit.jupiter.api.Test;

/** A sweep request's refusals name the field a planner must fix. */
class SweepRequestTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final UUID WORKLOAD = UUID.randomUUID();
    private static final Instant DAY_1 = Instant.parse("2013-07-01T00:00:00Z");
    private static final Instant DAY_8 = Instant.parse("2013-07-08T00:00:00Z");

    @Test
    void aWellFormedSweepPasses() {
        SweepRequest ok = sweep("p99 vs p95", plan("{}"), List.of(plan("{\"sizing\":{\"percentile\":99}}")));
        assertThat(ok.validated()).isSameAs(ok);
    }

    @Test
    void eachRefusalNamesItsField() {
        JsonNode variant = plan("{\"sizing\":{\"percentile\":99}}");
        assertRefused(sweep("s", null, List.of(variant)), "plan");
        assertRefused(sweep("s", plan("{\"workloadId\":\"" + WORKLOAD + "\"}"), List.of(variant)), "plan.workloadId");
        assertRefused(sweep("s", plan("{}"), List.of()), "variants");
        assertRefused(sweep("s", plan("{}"), Collections.nCopies(SweepRequest.MAX_VARIANTS + 1, variant)), "variants");
        List<JsonNode> withNull = new ArrayList<>(List.of(variant));
        withNull.add(null);
        assertRefused(sweep("s", plan("{}"), withNull), "variants[1]");
        assertRefused(sweep("x".repeat(201), plan("{}"), List.of(variant)), "name");
        assertRefused(
                new SweepRequest("s", WORKLOAD, DAY_8, DAY_1, plan("{}"), List.of(variant), null, DAY_8, null), "to");
        assertRefused(
                new SweepRequest("s", WORKLOAD, null, null, plan("{}"), List.of(variant), null, DAY_8, DAY_1),
                "testTo");
        assertRefused(
                new SweepRequest("s", WORKLOAD, null, null, plan("{}"), List.of(variant), null, null, null),
                "testWorkloadId");
        assertRefused(
                new SweepRequest("s", null, null, null, plan("{}"), List.of(variant), null, DAY_8, null), "workloadId");
    }

    private static SweepRequest sweep(String name, JsonNode plan, List<JsonNode> variants) {
        return new SweepRequest(name, WORKLOAD, DAY_1, DAY_8, plan, variants, null, DAY_8, null);
    }

    private static void assertRefused(SweepRequest request, String field) {
        ApiException e = catchThrowableOfType(ApiException.class, request::validated);
        assertThat(e).as("refused, naming %s", field).isNotNull();
        assertThat(e.problem().getProperties()).containsEntry("field", field);
    }

    private static JsonNode plan(String json) {
        try {
            return JSON.readTree(json);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
