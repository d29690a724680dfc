package org.dcplanner.consolidation.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.dcplanner.consolidation.PostgresIntegrationTest;
import org.dcplanner.consolidation.TestUsers;
import org.dcplanner.consolidation.simulation.internal.SolvedPlans;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/**
 * Custom host model ids are unique per workspace: another workspace's model of the same id neither blocks an add
 * (no 409 that would reveal it) nor a delete, and each workspace's plans are solved on its own model, also by the
 * background job; the shared catalog's ids stay unique among every workspace's models.
 */
class HostModelIdsPerWorkspaceIT extends PostgresIntegrationTest {
    @Autowired
    TestRestTemplate http;

    /** A custom host model's request body: {@code cores} x {@code coreMhz}, 32 GiB. */
    static Map<String, Object> model(String id, int cores, int coreMhz) {
        return Map.ofEntries(
                Map.entry("id", id),
                Map.entry("name", "Model " + cores + " x " + coreMhz),
                Map.entry("cores", cores),
                Map.entry("coreMhz", coreMhz),
                Map.entry("memoryMib", 32768),
                Map.entry("diskKBps", 200000),
                Map.entry("networkKBps", 125000),
                Map.entry("powerWatts", List.of(50, 60, 70, 80, 90, 100, 110, 120, 130, 140, 150)),
                Map.entry("rackUnits", 1),
                Map.entry("purchaseCost", 5000),
                Map.entry("yearlyMaintenanceCost", 500),
                Map.entry("hardwareAssist", true));
    }

    @Test
    void twoWorkspacesHaveTheirOwnModelOfOneIdAndPlanOnIt() {
        String id = "lab-model-" + UUID.randomUUID().toString().substring(0, 8);
        TestRestTemplate other = http.withBasicAuth(TestUsers.OTHER_PLANNER, TestUsers.PASSWORD);
        TestRestTemplate admin = http.withBasicAuth(TestUsers.ADMIN, TestUsers.PASSWORD);
        // default: one large host holds both VMs; other: a one-core host holds one VM only
        assertThat(http.postForEntity("/api/v1/host-models", model(id, 8, 2500), String.class)
                        .getStatusCode())
                .isEqualTo(HttpStatus.CREATED);
        ResponseEntity<String> sameIdElsewhere =
                other.postForEntity("/api/v1/host-models", model(id, 1, 2000), String.class);
        assertThat(sameIdElsewhere.getStatusCode())
                .as("another workspace's model of the same id: %s", sameIdElsewhere.getBody())
                .isEqualTo(HttpStatus.CREATED);
        assertThat(http.postForEntity("/api/v1/host-models", model(id, 4, 2500), String.class)
                        .getStatusCode())
                .as("its own workspace's id")
                .isEqualTo(HttpStatus.CONFLICT);
        assertThat(http.getForObject("/api/v1/host-models/" + id, JsonNode.class)
                        .get("cores")
                        .asInt())
                .isEqualTo(8);
        assertThat(other.getForObject("/api/v1/host-models/" + id, JsonNode.class)
                        .get("cores")
                        .asInt())
                .isEqualTo(1);
        // a shared model is seen by every workspace: its id must be free everywhere, and then taken everywhere
        assertThat(admin.postForEntity("/api/v1/host-models?shared=true", model(id, 2, 2000), String.class)
                        .getStatusCode())
                .isEqualTo(HttpStatus.CONFLICT);
        String shared = id + "-shared";
        assertThat(admin.postForEntity("/api/v1/host-models?shared=true", model(shared, 2, 2000), String.class)
                        .getStatusCode())
                .isEqualTo(HttpStatus.CREATED);
        assertThat(other.postForEntity("/api/v1/host-models", model(shared, 2, 2000), String.class)
                        .getStatusCode())
                .isEqualTo(HttpStatus.CONFLICT);

        // the solve job resolves the id in the plan's workspace
        JsonNode mine = plan(http, SecurityIT.upload(http, "ids-default"), id);
        JsonNode theirs = plan(other, SecurityIT.upload(other, "ids-other"), id);
        assertThat(mine.get("hostsUsed").asInt()).isEqualTo(1);
        assertThat(theirs.get("hostsUsed").asInt()).isEqualTo(2);

        // deleting: only this workspace's plans count; the other workspace's model of the id stays
        assertThat(http.exchange("/api/v1/host-models/" + id, HttpMethod.DELETE, null, String.class)
                        .getStatusCode())
                .isEqualTo(HttpStatus.CONFLICT);
        assertThat(http.exchange("/api/v1/plans/" + mine.get("id").asText(), HttpMethod.DELETE, null, String.class)
                        .getStatusCode())
                .isEqualTo(HttpStatus.NO_CONTENT);
        assertThat(http.exchange("/api/v1/host-models/" + id, HttpMethod.DELETE, null, String.class)
                        .getStatusCode())
                .as("the other workspace's plan uses its own model, not this one")
                .isEqualTo(HttpStatus.NO_CONTENT);
        assertThat(other.getForObject("/api/v1/host-models/" + id, JsonNode.class)
                        .get("cores")
                        .asInt())
                .isEqualTo(1);
        assertThat(admin.exchange("/api/v1/host-models/" + shared, HttpMethod.DELETE, null, String.class)
                        .getStatusCode())
                .isEqualTo(HttpStatus.NO_CONTENT);
    }

    private static JsonNode plan(TestRestTemplate client, UUID workload, String model) {
        Map<String, Object> body = new HashMap<>();
        body.put("workloadId", workload);
        body.put("name", "ids per workspace");
        body.put("hostPool", List.of(Map.of("model", model, "count", 4)));
        body.put("resources", List.of("CPU", "MEMORY"));
        body.put("sizing", Map.of("percentile", 100, "headroomPercent", 0, "windowSteps", 1));
        body.put("virtualization", "HARDWARE_ASSISTED");
        body.put("timeLimitSeconds", 1);
        ResponseEntity<JsonNode> accepted = client.postForEntity("/api/v1/plans", body, JsonNode.class);
        assertThat(accepted.getStatusCode()).as("%s", accepted.getBody()).isEqualTo(HttpStatus.ACCEPTED);
        return SolvedPlans.awaitPlan(client, accepted.getHeaders().getLocation().toString());
    }
}
