package org.dcplanner.consolidation.planning;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.ResponseEntity;

/** REST helpers for the planning ITs. */
final class PlanApi {
    private PlanApi() {}

    /** A plan request on n hosts of one model, CPU only, the raw series (percentile 100, window 1 step), no headroom. */
    static Map<String, Object> request(
            UUID workloadId, String model, int count, String virtualization, int timeLimitSeconds) {
        Map<String, Object> body = new HashMap<>();
        body.put("workloadId", workloadId);
        body.put("name", "it plan");
        body.put("hostPool", List.of(Map.of("model", model, "count", count)));
        body.put("resources", List.of("CPU"));
        body.put("sizing", Map.of("percentile", 100, "headroomPercent", 0, "windowSteps", 1));
        body.put("virtualization", virtualization);
        body.put("timeLimitSeconds", timeLimitSeconds);
        return body;
    }

    static ResponseEntity<JsonNode> post(TestRestTemplate http, Map<String, Object> body) {
        return http.postForEntity("/api/v1/plans", body, JsonNode.class);
    }

    static JsonNode awaitStatus(TestRestTemplate http, String location, String status) {
        JsonNode[] last = new JsonNode[1];
        Awaitility.await()
                .atMost(Duration.ofSeconds(150))
                .pollInterval(Duration.ofMillis(300))
                .until(() -> {
                    last[0] = http.getForObject(location, JsonNode.class);
                    return status.equals(last[0].get("status").asText());
                });
        return last[0];
    }
}
