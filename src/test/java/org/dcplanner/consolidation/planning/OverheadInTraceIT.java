package org.dcplanner.consolidation.planning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Arrays;
import java.util.Map;
import java.util.UUID;
import org.dcplanner.consolidation.PostgresIntegrationTest;
import org.dcplanner.consolidation.simulation.internal.SolvedPlans;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/**
 * sizing.overheadInTrace on the real application: the planner packs the series as measured and the automatic
 * replay of the plan adds no overhead either, so it reports no overload the plan did not have.
 */
class OverheadInTraceIT extends PostgresIntegrationTest {
    @Autowired
    TestRestTemplate http;

    @Test
    void planAndReplayAddNoApproachOverhead() {
        // four flat 2600 MHz VMs: two fit a 5320 MHz g5 as measured (5200), not with FULL's ~15 % CPU overhead (~5950)
        float[][] cpu = new float[4][4];
        for (float[] series : cpu) Arrays.fill(series, 2600f);
        UUID workload = CsvUploads.upload(http, "overhead-in-trace-it", 2, 4000, cpu);
        Map<String, Object> body = PlanApi.request(workload, "hp-ml110-g5", 4, "FULL", 2);
        body.put("sizing", Map.of("percentile", 100, "headroomPercent", 0, "overheadInTrace", true));
        ResponseEntity<JsonNode> accepted = PlanApi.post(http, body);
        assertThat(accepted.getStatusCode()).as("%s", accepted.getBody()).isEqualTo(HttpStatus.ACCEPTED);

        JsonNode plan =
                SolvedPlans.awaitPlan(http, accepted.getHeaders().getLocation().toString());
        assertThat(plan.get("status").asText()).isEqualTo("COMPLETED");
        assertThat(plan.get("request").get("sizing").get("overheadInTrace").asBoolean())
                .isTrue();
        assertThat(plan.get("lowerBoundHosts").asInt()).isEqualTo(2);
        assertThat(plan.get("hostsUsed").asInt()).isEqualTo(2);

        JsonNode metrics =
                SolvedPlans.awaitSimulation(http, plan.get("id").asText(), "").get("metrics");
        assertThat(metrics.get("overloadedHosts").asInt()).isZero();
        assertThat(metrics.get("vmsEverThrottled").asInt()).isZero();
        assertThat(metrics.get("meanPerformance").asDouble()).isCloseTo(1.0, within(1e-6));
        // the replayed host CPU is the planned demand: 2 x 2600 of 5320 MHz
        assertThat(metrics.get("peakUtilizationByResource").get("CPU").asDouble())
                .isCloseTo(5200 / 5320.0, within(1e-4));
        assertThat(metrics.get("warnings")).isEmpty();

        // the approach comparison still models each approach's overhead: FULL needs a host per VM
        JsonNode comparison = http.getForObject(
                "/api/v1/plans/" + plan.get("id").asText() + "/simulations/comparison", JsonNode.class);
        JsonNode full = null;
        for (JsonNode o : comparison.get("approaches"))
            if (o.get("approach").asText().equals("FULL")) full = o;
        assertThat(full.get("hostsNeeded").asInt()).isEqualTo(4);
    }
}
