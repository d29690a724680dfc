package org.dcplanner.consolidation.simulation.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.dcplanner.consolidation.PostgresIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.io.FileSystemResource;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.LinkedMultiValueMap;

/**
 * End to end with the real beans (ingestion store, OptaPlanner solver, engine): upload a sample
 * workload, plan it, the completed plan is replayed automatically, the savings report compares it
 * with one server per VM.
 */
class ConsolidationFlowIT extends PostgresIntegrationTest {
    @Autowired
    TestRestTemplate http;

    @Autowired
    org.springframework.jdbc.core.JdbcTemplate jdbc;

    @Test
    void cpuOnlyPlanetLabSampleIsPlannedReplayedAndSaves() {
        String workload =
                upload("sample-workloads/planetlab-small.zip", "sample-workloads/inventory-planetlab-small.csv");
        String plan = plan(workload, "HARDWARE_ASSISTED");
        JsonNode sim = SolvedPlans.awaitSimulation(http, plan, "");
        assertThat(sim.get("virtualization").asText()).isEqualTo("HARDWARE_ASSISTED");
        assertThat(sim.get("vms").get("total").asInt()).isEqualTo(40);
        assertThat(sim.get("metrics").get("energyKWh").asDouble()).isPositive();
        // memory not in the trace: hosts carry the configured memory (+ overhead), not zero
        assertThat(sim.get("hosts")
                        .get("items")
                        .get(0)
                        .get("utilization")
                        .get("MEMORY")
                        .get(0)
                        .asDouble())
                .isPositive();

        JsonNode savings = http.getForObject("/api/v1/plans/" + plan + "/savings", JsonNode.class);
        assertThat(savings.get("before").get("serverCount").asInt()).isEqualTo(40);
        assertThat(savings.get("after").get("serverCount").asInt()).isLessThan(40);
        assertThat(savings.get("savings").get("facilityEnergyKWhPerYear").asDouble())
                .isPositive();
        assertThat(savings.get("afterFromSimulation").asBoolean()).isTrue();

        // a finished plan's DELETE removes it with its replays and savings scenario
        http.put("/api/v1/plans/" + plan + "/savings-assumptions", Map.of("pue", 1.4));
        http.delete("/api/v1/plans/" + plan);
        assertThat(http.getForEntity("/api/v1/plans/" + plan + "/simulations", String.class)
                        .getStatusCode())
                .isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(jdbc.queryForObject(
                        "select count(*) from simulation_run where plan_id = ?::uuid", Integer.class, plan))
                .isZero();
        assertThat(jdbc.queryForObject(
                        "select count(*) from savings_assumptions where plan_id = ?::uuid", Integer.class, plan))
                .isZero();
    }

    @Test
    void fourMetricSampleReplaysWithMeasuredIoAndComparesApproaches() {
        String workload = upload("sample-workloads/generic-small.csv", "sample-workloads/inventory-small.csv");
        String plan = plan(workload, "FULL");
        JsonNode sim = SolvedPlans.awaitSimulation(http, plan, "");
        assertThat(sim.get("vms").get("total").asInt()).isEqualTo(60);
        JsonNode host0 = sim.get("hosts").get("items").get(0).get("utilization");
        double disk = 0;
        for (JsonNode u : host0.get("DISK")) disk += u.asDouble();
        assertThat(disk).isPositive();

        JsonNode cmp = http.getForObject("/api/v1/plans/" + plan + "/simulations/comparison", JsonNode.class);
        assertThat(cmp.get("approaches")).hasSize(3);
        Map<String, JsonNode> by = new HashMap<>();
        cmp.get("approaches").forEach(a -> by.put(a.get("approach").asText(), a));
        assertThat(by.get("FULL").get("hostsNeeded").asInt())
                .isGreaterThanOrEqualTo(
                        by.get("HARDWARE_ASSISTED").get("hostsNeeded").asInt());
        assertThat(by.get("FULL").get("meanPerformance").asDouble())
                .isLessThan(by.get("HARDWARE_ASSISTED").get("meanPerformance").asDouble());
    }

    private String upload(String trace, String inventory) {
        var body = new LinkedMultiValueMap<String, Object>();
        body.add("file", new FileSystemResource(Path.of(trace)));
        body.add("inventory", new FileSystemResource(Path.of(inventory)));
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.MULTIPART_FORM_DATA);
        ResponseEntity<JsonNode> r =
                http.postForEntity("/api/v1/workloads", new HttpEntity<>(body, headers), JsonNode.class);
        assertThat(r.getStatusCode()).as("%s", r.getBody()).isEqualTo(HttpStatus.CREATED);
        return r.getBody().get("id").asText();
    }

    private String plan(String workload, String virtualization) {
        Map<String, Object> body = new HashMap<>();
        body.put("workloadId", workload);
        body.put("name", "flow " + virtualization);
        body.put("hostPool", List.of(Map.of("model", "dell-r740", "count", 30)));
        body.put("resources", List.of("CPU", "MEMORY"));
        body.put("virtualization", virtualization);
        body.put("timeLimitSeconds", 2);
        ResponseEntity<JsonNode> accepted = http.postForEntity("/api/v1/plans", body, JsonNode.class);
        assertThat(accepted.getStatusCode()).as("%s", accepted.getBody()).isEqualTo(HttpStatus.ACCEPTED);
        String location = accepted.getHeaders().getLocation().toString();
        return SolvedPlans.awaitPlan(http, location).get("id").asText();
    }
}
