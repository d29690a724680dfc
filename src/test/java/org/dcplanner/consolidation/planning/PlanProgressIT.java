package org.dcplanner.consolidation.planning;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.dcplanner.consolidation.PostgresIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/**
 * The best solution is persisted while solving (not only at the end) and a stop keeps it; runs on the
 * test solver, which reports its first solution at once and then keeps solving until stopped.
 */
@PlanningIT
class PlanProgressIT extends PostgresIntegrationTest {
    @Autowired
    TestRestTemplate http;

    @Autowired
    PlanningTestDoubles.InMemoryWorkloads workloads;

    @Autowired
    PlanningTestDoubles.CompletedPlans completed;

    @Autowired
    PlanLookup lookup;

    @Test
    void bestIsReadableWhileSolvingAndKeptWhenStopped() {
        UUID workload = workloads.put(TestWorkloads.antiPhase(8, 6, 3000, 1000));
        URI location = PlanApi.post(http, PlanApi.request(workload, "hp-ml110-g4", 20, "FULL", 600))
                .getHeaders()
                .getLocation();
        Awaitility.await().atMost(Duration.ofSeconds(60)).until(() -> {
            JsonNode p = http.getForObject(location, JsonNode.class);
            return "SOLVING".equals(p.get("status").asText())
                    && p.get("hostsUsed").isInt();
        });
        JsonNode solving = http.getForObject(location, JsonNode.class);
        assertThat(solving.get("progress")).isNotEmpty();
        // lower bound and baselines are stored before the solver starts, not only with the result
        assertThat(solving.get("lowerBoundHosts").isInt()).isTrue();
        assertThat(solving.get("baselines").get("peakFfdHosts").isInt()).isTrue();
        assertThat(solving.get("baselines").get("timeSeriesFfdHosts").isInt()).isTrue();
        assertThat(http.getForObject(location + "/placements", JsonNode.class)).hasSize(8);

        assertThat(http.exchange(location, HttpMethod.DELETE, null, JsonNode.class)
                        .getStatusCode())
                .isEqualTo(HttpStatus.ACCEPTED);
        JsonNode cancelled = PlanApi.awaitStatus(http, location.toString(), "CANCELLED");
        assertThat(cancelled.get("hostsUsed").asInt())
                .isEqualTo(solving.get("hostsUsed").asInt());
        assertThat(cancelled.get("elapsedMillis").asLong()).isLessThan(60_000);
        UUID id = UUID.fromString(cancelled.get("id").asText());
        assertThat(lookup.placedPlan(id)).isPresent();
        // the job publishes PlanCompleted just after it stored CANCELLED, so the event may trail the status
        Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> completed.ids.contains(id));
        // the second DELETE removes the finished plan
        assertThat(http.exchange(location, HttpMethod.DELETE, null, JsonNode.class)
                        .getStatusCode())
                .isEqualTo(HttpStatus.NO_CONTENT);
    }

    @Test
    void finishNowEndsTheSearchAndKeepsTheBestAsACompletedPlan() {
        UUID workload = workloads.put(TestWorkloads.antiPhase(8, 6, 3000, 1000));
        Map<String, Object> body = PlanApi.request(workload, "hp-ml110-g5", 20, "FULL", 600);
        body.put("objective", "POWER"); // no early stop at the lower bound: it solves until finished
        URI location = PlanApi.post(http, body).getHeaders().getLocation();
        Awaitility.await().atMost(Duration.ofSeconds(60)).until(() -> {
            JsonNode p = http.getForObject(location, JsonNode.class);
            return "SOLVING".equals(p.get("status").asText())
                    && p.get("hostsUsed").isInt();
        });
        ResponseEntity<JsonNode> finish = http.postForEntity(location + "/finish", null, JsonNode.class);
        assertThat(finish.getStatusCode()).isEqualTo(HttpStatus.ACCEPTED);
        JsonNode done = PlanApi.awaitStatus(http, location.toString(), "COMPLETED");
        assertThat(done.get("hostsUsed").isInt()).isTrue();
        assertThat(done.get("elapsedMillis").asLong()).isLessThan(600_000);
        assertThat(http.getForObject(location + "/placements", JsonNode.class)).hasSize(8);
        // only a solving plan can be finished
        ResponseEntity<JsonNode> again = http.postForEntity(location + "/finish", null, JsonNode.class);
        assertThat(again.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        assertThat(again.getBody().get("type").asText()).endsWith("plan-not-solving");
    }
}
