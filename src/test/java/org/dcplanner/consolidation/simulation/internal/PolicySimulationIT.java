package org.dcplanner.consolidation.simulation.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.dcplanner.consolidation.PostgresIntegrationTest;
import org.dcplanner.consolidation.planning.PlanningTestDoubles;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/** Replays with an online policy through the API: with no plan (CloudSim-equivalent mode) and from a plan. */
@Import(PlanningTestDoubles.class)
class PolicySimulationIT extends PostgresIntegrationTest {
    @Autowired
    TestRestTemplate http;

    @Autowired
    PlanningTestDoubles.InMemoryWorkloads workloads;

    @Test
    void policyWithoutPlanRunsAsAJobAndReportsMigrationsSlaAndTimeline() {
        UUID workload = workloads.put(SolvedPlans.webWorkload(8, 24));
        ResponseEntity<JsonNode> accepted = http.postForEntity(
                "/api/v1/simulations",
                Map.of(
                        "workloadId",
                        workload,
                        "hostPool",
                        List.of(Map.of("model", "hp-ml110-g5", "count", 8)),
                        "policy",
                        Map.of("detection", "THR", "parameter", 0.8, "selection", "MMT"),
                        "start",
                        "PABFD"),
                JsonNode.class);
        assertThat(accepted.getStatusCode()).as("%s", accepted.getBody()).isEqualTo(HttpStatus.ACCEPTED);
        String location = accepted.getHeaders().getLocation().toString();
        assertThat(location).startsWith("/api/v1/simulations/");
        JsonNode done = await(location);
        JsonNode r = done.get("result");
        assertThat(r.get("mode").asText()).isEqualTo("CLOUDSIM_EQUIVALENT");
        assertThat(r.get("policy").asText()).isEqualTo("THR 0.8 + MMT");
        assertThat(r.get("energyKwh").asDouble()).isPositive();
        assertThat(r.get("facilityEnergyKwh").asDouble())
                .isGreaterThan(r.get("energyKwh").asDouble());
        for (String f : List.of("migrations", "slatahPercent", "pdmPercent", "slav", "esv", "hostShutdowns")) {
            assertThat(r.has(f)).as(f).isTrue();
        }
        assertThat(r.get("timeline").get("activeHosts")).hasSize(24);
        assertThat(r.get("timeline").get("migrations")).hasSize(24);
        int migrations = 0;
        for (JsonNode m : r.get("timeline").get("migrations")) migrations += m.asInt();
        assertThat(migrations).isEqualTo(r.get("migrations").asInt());
        assertThat(r.get("peakActiveHosts").asInt()).isBetween(1, 8);

        JsonNode list = http.getForObject("/api/v1/simulations?workloadId=" + workload, JsonNode.class);
        assertThat(list).hasSize(1);
    }

    @Test
    void policyOnAPlanStartsFromItsPlacement() {
        UUID workload = workloads.put(SolvedPlans.webWorkload(8, 12));
        UUID plan = SolvedPlans.solve(http, workload, "PARAVIRTUAL");
        ResponseEntity<JsonNode> accepted = http.postForEntity(
                "/api/v1/plans/" + plan + "/simulations",
                Map.of("policy", Map.of("detection", "LR", "parameter", 1.2, "selection", "MC")),
                JsonNode.class);
        assertThat(accepted.getStatusCode()).as("%s", accepted.getBody()).isEqualTo(HttpStatus.ACCEPTED);
        JsonNode done = await(accepted.getHeaders().getLocation().toString());
        assertThat(done.get("planId").asText()).isEqualTo(plan.toString());
        assertThat(done.get("result").get("mode").asText()).isEqualTo("PLAN_AND_POLICY");
        assertThat(done.get("result").get("hosts").asInt()).isEqualTo(10); // the plan's pool: used + spare hosts
        assertThat(done.get("result").get("timeline").get("activeHosts").get(0).asInt())
                .isPositive();
    }

    @Test
    void badPoliciesAndPoolsAreRejectedNamingTheField() {
        UUID workload = workloads.put(SolvedPlans.webWorkload(4, 6));
        Map<String, Object> badParameter = Map.of(
                "workloadId",
                workload,
                "hostPool",
                List.of(Map.of("model", "hp-ml110-g5", "count", 2)),
                "policy",
                Map.of("detection", "THR", "parameter", 1.5, "selection", "MMT"));
        assertProblem(http.postForEntity("/api/v1/simulations", badParameter, JsonNode.class), "policy.parameter");
        Map<String, Object> badModel = Map.of(
                "workloadId",
                workload,
                "hostPool",
                List.of(Map.of("model", "nope", "count", 2)),
                "policy",
                Map.of("detection", "LR", "selection", "MMT"));
        assertProblem(http.postForEntity("/api/v1/simulations", badModel, JsonNode.class), "hostPool[0].model");
        Map<String, Object> badStart = Map.of(
                "workloadId",
                workload,
                "hostPool",
                List.of(Map.of("model", "hp-ml110-g5", "count", 2)),
                "policy",
                Map.of("detection", "LR", "selection", "MMT"),
                "start",
                "RANDOM");
        assertProblem(http.postForEntity("/api/v1/simulations", badStart, JsonNode.class), "start");
        ResponseEntity<JsonNode> missing =
                http.getForEntity("/api/v1/simulations/" + UUID.randomUUID(), JsonNode.class);
        assertThat(missing.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
    }

    private void assertProblem(ResponseEntity<JsonNode> r, String field) {
        assertThat(r.getStatusCode()).as("%s", r.getBody()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(r.getBody().get("field").asText()).isEqualTo(field);
    }

    private JsonNode await(String location) {
        JsonNode[] last = new JsonNode[1];
        Awaitility.await()
                .atMost(Duration.ofSeconds(90))
                .pollInterval(Duration.ofMillis(300))
                .until(() -> {
                    last[0] = http.getForObject(location, JsonNode.class);
                    String status = last[0].get("status").asText();
                    assertThat(status).as("%s", last[0]).isNotEqualTo("FAILED");
                    return status.equals("COMPLETED");
                });
        return last[0];
    }
}
