package org.dcplanner.consolidation.planning;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.dcplanner.consolidation.PostgresIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/** A custom host model stays while a stored plan's host pool uses it (its dashboards read the model). */
class CustomHostModelInUseIT extends PostgresIntegrationTest {
    @Autowired
    TestRestTemplate http;

    @Test
    void aModelInAPlansPoolIsKeptUntilThePlanIsDeleted() {
        String model = "it-used-" + UUID.randomUUID().toString().substring(0, 8);
        Map<String, Object> body = Map.ofEntries(
                Map.entry("id", model),
                Map.entry("cores", 4),
                Map.entry("coreMhz", 2000),
                Map.entry("memoryMib", 16384),
                Map.entry("diskKBps", 100000),
                Map.entry("networkKBps", 125000),
                Map.entry("powerWatts", List.of(50, 60, 70, 80, 90, 100, 110, 120, 130, 140, 150)),
                Map.entry("rackUnits", 1),
                Map.entry("purchaseCost", 1000),
                Map.entry("yearlyMaintenanceCost", 100),
                Map.entry("hardwareAssist", true));
        assertThat(http.postForEntity("/api/v1/host-models", body, JsonNode.class)
                        .getStatusCode())
                .isEqualTo(HttpStatus.CREATED);
        UUID workload = CsvUploads.antiPhase(http, "model-in-use-it", 4, 4);
        URI plan = PlanApi.post(http, PlanApi.request(workload, model, 4, "HARDWARE_ASSISTED", 2))
                .getHeaders()
                .getLocation();
        PlanApi.awaitStatus(http, plan.toString(), "COMPLETED");

        ResponseEntity<JsonNode> refused = delete("/api/v1/host-models/" + model);
        assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        assertThat(refused.getBody().get("plans").asLong()).isEqualTo(1);
        assertThat(refused.getBody().get("detail").asText()).contains("host pool of 1 plan");
        assertThat(http.getForEntity("/api/v1/host-models/" + model, JsonNode.class)
                        .getStatusCode())
                .isEqualTo(HttpStatus.OK);

        assertThat(delete(plan.toString()).getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
        assertThat(delete("/api/v1/host-models/" + model).getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
    }

    private ResponseEntity<JsonNode> delete(String url) {
        return http.exchange(url, HttpMethod.DELETE, null, JsonNode.class);
    }
}
