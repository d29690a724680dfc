package org.dcplanner.consolidation.planning;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.util.Map;
import java.util.UUID;
import org.dcplanner.consolidation.PostgresIntegrationTest;
import org.dcplanner.consolidation.ingestion.Metric;
import org.dcplanner.consolidation.simulation.OverheadModel;
import org.dcplanner.consolidation.simulation.VirtualizationApproach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

@PlanningIT
class PlanLifecycleIT extends PostgresIntegrationTest {
    @Autowired TestRestTemplate http;
    @Autowired PlanningTestDoubles.InMemoryWorkloads workloads;
    @Autowired PlanningTestDoubles.CompletedPlans completed;
    @Autowired PlanLookup lookup;
    @Autowired OverheadModel overhead;

    @Test
    void queuedPlanSolvesToCompletedWithPlacementsCsvAndExplanation() {
        // 6 VMs alternating 3000/1000 MHz in anti-phase: peaks need 6 x 3000, the series only 3 x 4000 per step
        // (before overhead; full virtualization adds ~15 % host CPU for a compute-class VM)
        var trace = TestWorkloads.antiPhase(6, 4, 3000, 1000);
        UUID workload = workloads.put(trace);
        ResponseEntity<JsonNode> accepted = PlanApi.post(http, PlanApi.request(workload, "hp-ml110-g5", 10, "FULL", 1));
        assertThat(accepted.getStatusCode()).isEqualTo(HttpStatus.ACCEPTED);
        URI location = accepted.getHeaders().getLocation();
        assertThat(location.getPath()).startsWith("/api/v1/plans/");
        assertThat(accepted.getBody().get("status").asText()).isIn("QUEUED", "SOLVING");

        JsonNode plan = PlanApi.awaitStatus(http, location.toString(), "COMPLETED");
        UUID id = UUID.fromString(plan.get("id").asText());
        assertThat(plan.get("hostsUsed").asInt()).isEqualTo(3);
        assertThat(plan.get("lowerBoundHosts").asInt()).isEqualTo(3);   // 3 x (3000 + 1000) x 1.145 / 5320 -> 2.6
        assertThat(plan.get("baselines").get("peakFfdHosts").isInt()).isTrue();
        assertThat(plan.get("baselines").get("timeSeriesFfdHosts").isInt()).isTrue();
        assertThat(plan.get("feasible").asBoolean()).isTrue();
        assertThat(plan.get("score").asText()).contains("medium");
        assertThat(plan.get("progress")).isNotEmpty();
        assertThat(plan.get("progress").get(0).get("hostsUsed").asInt()).isEqualTo(3);
        assertThat(plan.get("request").get("virtualization").asText()).isEqualTo("FULL");
        assertThat(plan.get("request").get("targetUtilization").asDouble()).isEqualTo(1.0);
        assertThat(plan.get("elapsedMillis").asLong()).isGreaterThanOrEqualTo(900);

        JsonNode placements = http.getForObject(location + "/placements", JsonNode.class);
        assertThat(placements).hasSize(6);
        assertThat(placements.get(1).get("vmName").asText()).isEqualTo("vm 1");
        assertThat(placements.findValuesAsText("hostModel")).containsOnly("hp-ml110-g5");

        HttpHeaders anyHeaders = new HttpHeaders();
        anyHeaders.set("Accept", "*/*");
        ResponseEntity<String> any = http.exchange(location + "/placements", HttpMethod.GET, new HttpEntity<>(anyHeaders), String.class);
        assertThat(any.getHeaders().getContentType().toString()).startsWith("application/json");
        HttpHeaders csvHeaders = new HttpHeaders();
        csvHeaders.set("Accept", "text/csv");
        ResponseEntity<String> csv = http.exchange(location + "/placements", HttpMethod.GET, new HttpEntity<>(csvHeaders), String.class);
        assertThat(csv.getHeaders().getContentType().toString()).startsWith("text/csv");
        String[] lines = csv.getBody().split("\r?\n");
        assertThat(lines[0]).isEqualTo("vm,vmName,slot,hostModel");
        assertThat(lines).hasSize(7);
        assertThat(lines[1]).startsWith("0,vm 0,").endsWith(",hp-ml110-g5");

        JsonNode explanation = http.getForObject(location + "/explanation", JsonNode.class);
        assertThat(explanation).hasSize(6);
        assertThat(explanation.get(0).get("bindingResource").asText()).isEqualTo("CPU");
        assertThat(explanation.get(0).get("hostModel").asText()).isEqualTo("hp-ml110-g5");
        assertThat(explanation.get(0).get("matchedConstraints")).isNotEmpty();
        // the planned demand went through the engine's overhead model: vm 0 + vm 1 share a host at every step
        float[] out = new float[4];
        overhead.hostDemand(VirtualizationApproach.FULL, trace.vms().get(0), 3000, 512, 0, 0, out);
        float high = out[0];
        overhead.hostDemand(VirtualizationApproach.FULL, trace.vms().get(1), 1000, 512, 0, 0, out);
        assertThat(high).isGreaterThan(3000);
        assertThat(explanation.get(0).get("bindingUtilization").asDouble())
                .isCloseTo((high + out[0]) / 5320.0, org.assertj.core.api.Assertions.within(1e-4));

        assertThat(completed.ids).contains(id);
        PlacedPlan placed = lookup.placedPlan(id).orElseThrow();
        assertThat(placed.hosts()).hasSize(3);
        assertThat(placed.approach()).isEqualTo(VirtualizationApproach.FULL);
        assertThat(placed.resources()).containsExactly(Metric.CPU);
        assertThat(placed.vmHostSlot()).hasSize(6).containsOnly(0, 1, 2);

        assertThat(http.getForObject("/api/v1/plans", JsonNode.class).findValuesAsText("id")).contains(id.toString());
        // a finished plan is deleted by DELETE
        assertThat(http.exchange(location, HttpMethod.DELETE, null, JsonNode.class).getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
        assertThat(http.getForEntity(location, JsonNode.class).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(lookup.exists(id)).isFalse();
    }

    @Test
    void deleteWhileSolvingStopsAndKeepsTheBestSoFar() {
        UUID workload = workloads.put(TestWorkloads.antiPhase(8, 6, 3000, 1000));
        Map<String, Object> body = PlanApi.request(workload, "hp-ml110-g4", 20, "FULL", 600);
        URI location = PlanApi.post(http, body).getHeaders().getLocation();
        // the best solution is persisted while solving, not only at the end
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(60)).until(() -> {
            JsonNode p = http.getForObject(location, JsonNode.class);
            return "SOLVING".equals(p.get("status").asText()) && p.get("hostsUsed").isInt();
        });
        assertThat(http.getForObject(location + "/placements", JsonNode.class)).hasSize(8);

        ResponseEntity<JsonNode> stop = http.exchange(location, HttpMethod.DELETE, null, JsonNode.class);
        assertThat(stop.getStatusCode()).isEqualTo(HttpStatus.ACCEPTED);
        assertThat(stop.getBody().get("cancelRequested").asBoolean()).isTrue();

        JsonNode cancelled = PlanApi.awaitStatus(http, location.toString(), "CANCELLED");
        assertThat(cancelled.get("hostsUsed").asInt()).isPositive();
        assertThat(cancelled.get("elapsedMillis").asLong()).isLessThan(60_000);
        assertThat(http.getForObject(location + "/placements", JsonNode.class)).hasSize(8);
        UUID id = UUID.fromString(cancelled.get("id").asText());
        assertThat(lookup.placedPlan(id)).isPresent();
        assertThat(completed.ids).contains(id);
    }
}
