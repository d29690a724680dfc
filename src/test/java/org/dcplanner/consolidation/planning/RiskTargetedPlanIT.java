package org.dcplanner.consolidation.planning;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import java.util.Random;
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
        Random random = new Random(5);
        float[][] cpu = new float[12][288];
        for (float[] s : cpu) {
            for (int t = 0; t < s.length; t++)
                s[t] = (float) Math.max(0, Math.min(2000, 1000 + 400 * random.nextGaussian()));
        }
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

    private JsonNode solved(Map<String, Object> body) {
        ResponseEntity<JsonNode> accepted = PlanApi.post(http, body);
        assertThat(accepted.getStatusCode()).as("%s", accepted.getBody()).isEqualTo(HttpStatus.ACCEPTED);
        JsonNode plan =
                SolvedPlans.awaitPlan(http, accepted.getHeaders().getLocation().toString());
        assertThat(plan.get("status").asText()).isEqualTo("COMPLETED");
        return plan;
    }
}
