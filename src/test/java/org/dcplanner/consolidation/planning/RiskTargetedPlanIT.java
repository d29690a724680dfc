package org.dcplanner.consolidation.planning;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import java.util.UUID;
import org.dcplanner.consolidation.PostgresIntegrationTest;
import org.dcplanner.consolidation.simulation.internal.SolvedPlans;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A plan asked for an overload-risk target through the API: sized jointly, solved, and its overloadRisk (in sample,
 * estimated, target, method) and sizingApplied shown and stored; a percentile plan shows what its default window did.
 */
class RiskTargetedPlanIT extends PostgresIntegrationTest {
    @Autowired
    TestRestTemplate http;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void riskTargetedPlanReportsItsRiskNextToTheInSampleFigure() {
        // 12 noisy VMs over one day at 5 min: about 1,000 MHz each with 40 % noise on 5,320 MHz hosts
        float[][] cpu = TestWorkloads.noisyCpu(5, 12, 1000, 400, 2000);
        UUID workload = CsvUploads.upload(http, "risk-it", 1, 2000, cpu);

        Map<String, Object> body = PlanApi.request(workload, "hp-ml110-g5", 12, "FULL", 2);
        body.put("sizing", Map.of("overloadRiskPercent", 1, "overheadInTrace", true));
        JsonNode risky = solved(body);
        body.put("sizing", Map.of("overloadRiskPercent", 0.01, "overheadInTrace", true));
        JsonNode safe = solved(body);

        for (JsonNode plan : new JsonNode[] {risky, safe}) {
            JsonNode risk = plan.get("overloadRisk");
            assertThat(risk.get("inSampleHostStepsOverPercent").asDouble()).isBetween(0.0, 100.0);
            assertThat(risk.get("estimatedOutOfSamplePercent").isNumber()).isTrue();
            assertThat(risk.get("method").asText()).contains("mean + ").contains("correlation");
            // one day of history: the estimate says what it cannot see
            assertThat(risk.get("caveat").asText()).contains("under two days");
            assertThat(plan.get("sizingApplied").get("mode").asText()).isEqualTo("OVERLOAD_RISK");
            assertThat(plan.get("sizingApplied").get("windowSteps").asInt()).isEqualTo(12);
            assertThat(plan.get("request").get("sizing").get("percentile").isNull())
                    .isTrue();
            // stored with the plan, not recomputed per GET
            String stored = jdbc.queryForObject(
                    "select overload_risk->>'targetPercent' from plans where id = ?::uuid",
                    String.class,
                    plan.get("id").asText());
            assertThat(Double.parseDouble(stored))
                    .isEqualTo(risk.get("targetPercent").asDouble());
        }
        assertThat(risky.get("overloadRisk").get("targetPercent").asDouble()).isEqualTo(1.0);
        // a tighter target never takes fewer hosts, and its estimate is not higher
        assertThat(safe.get("hostsUsed").asInt())
                .isGreaterThanOrEqualTo(risky.get("hostsUsed").asInt());
        assertThat(safe.get("overloadRisk").get("estimatedOutOfSamplePercent").asDouble())
                .isLessThanOrEqualTo(risky.get("overloadRisk")
                                .get("estimatedOutOfSamplePercent")
                                .asDouble()
                        + 1e-9);

        // a percentile plan without a window: the hour around each step is applied, and the plan says so
        body.put("sizing", Map.of("percentile", 95, "overheadInTrace", true));
        JsonNode percentile = solved(body);
        JsonNode applied = percentile.get("sizingApplied");
        assertThat(applied.get("mode").asText()).isEqualTo("PERCENTILE");
        assertThat(applied.get("percentile").asDouble()).isEqualTo(95.0);
        assertThat(applied.get("windowSteps").asInt()).isEqualTo(12);
        assertThat(applied.get("percentileHasEffect").asBoolean()).isTrue();
        assertThat(applied.get("summary").asText()).startsWith("p95 over a centered window of 12 steps (60 min)");
        assertThat(percentile.get("overloadRisk").get("targetPercent").isNull()).isTrue();
        assertThat(percentile
                        .get("overloadRisk")
                        .get("estimatedOutOfSamplePercent")
                        .isNumber())
                .isTrue();
    }

    @Test
    void theRiskSearchRunsInTheJobAndARejectionItFindsFailsThePlan() {
        // two noisy VMs (1,500 +- 600 MHz) on a pool of 2 hosts with 1 HA reserve: their means fit one host, so the
        // start's checks pass; at a 0.01 % target they cannot share a host, which leaves no room for the reserve -
        // only the job's packing search finds that out
        float[][] cpu = TestWorkloads.noisyCpu(9, 2, 1500, 600, 3000);
        UUID workload = CsvUploads.upload(http, "risk-reserve-it", 1, 3000, cpu);
        Map<String, Object> body = PlanApi.request(workload, "hp-ml110-g5", 2, "FULL", 2);
        body.put("sizing", Map.of("overloadRiskPercent", 0.01, "overheadInTrace", true));
        body.put("haReserveHosts", 1);

        ResponseEntity<JsonNode> accepted = PlanApi.post(http, body);
        assertThat(accepted.getStatusCode()).as("%s", accepted.getBody()).isEqualTo(HttpStatus.ACCEPTED);
        String location = accepted.getHeaders().getLocation().toString();
        JsonNode failed = PlanApi.awaitStatus(http, location, "FAILED");
        assertThat(failed.get("error").asText()).contains("pool is too small").contains("HA reserve");
        assertThat(failed.get("stage").isNull()).isTrue();
        // the attempt recorded that it failed while sizing
        assertThat(jdbc.queryForObject(
                        "select stage from plans where id = ?::uuid",
                        String.class,
                        failed.get("id").asText()))
                .isEqualTo("SIZING");

        // without the reserve the same request solves; the stage went SIZING -> SOLVING and is hidden once finished
        body.remove("haReserveHosts");
        JsonNode plan = solved(body);
        assertThat(plan.get("stage").isNull()).isTrue();
        assertThat(jdbc.queryForObject(
                        "select stage from plans where id = ?::uuid",
                        String.class,
                        plan.get("id").asText()))
                .isEqualTo("SOLVING");
    }

    private JsonNode solved(Map<String, Object> body) {
        ResponseEntity<JsonNode> accepted = PlanApi.post(http, body);
        assertThat(accepted.getStatusCode()).as("%s", accepted.getBody()).isEqualTo(HttpStatus.ACCEPTED);
        JsonNode plan =
                SolvedPlans.awaitPlan(http, accepted.getHeaders().getLocation().toString());
        assertThat(plan.get("status").asText()).isEqualTo("COMPLETED");
        return plan;
    }
}
