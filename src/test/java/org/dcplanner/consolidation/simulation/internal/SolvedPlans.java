package org.dcplanner.consolidation.simulation.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.dcplanner.consolidation.ingestion.LoadedWorkload;
import org.dcplanner.consolidation.ingestion.Metric;
import org.dcplanner.consolidation.ingestion.TimeGrid;
import org.dcplanner.consolidation.ingestion.WorkloadClass;
import org.dcplanner.consolidation.ingestion.WorkloadVm;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/** Test helpers: a small web workload and a plan solved through the planning REST API (ML110 G5 pool). */
public final class SolvedPlans {
    private static final java.util.Set<String> FINAL = java.util.Set.of("COMPLETED", "FAILED", "CANCELLED");

    private SolvedPlans() {}

    public static UUID solve(TestRestTemplate http, UUID workload, String virtualization) {
        Map<String, Object> body = new java.util.HashMap<>();
        body.put("workloadId", workload);
        body.put("name", "simulation it");
        body.put("hostPool", List.of(Map.of("model", "hp-ml110-g5", "count", 10)));
        body.put("resources", List.of("CPU", "MEMORY"));
        body.put("sizing", Map.of("percentile", 100, "headroomPercent", 0, "windowSteps", 1));
        body.put("virtualization", virtualization);
        body.put("timeLimitSeconds", 1);
        ResponseEntity<JsonNode> accepted = http.postForEntity("/api/v1/plans", body, JsonNode.class);
        assertThat(accepted.getStatusCode()).as("%s", accepted.getBody()).isEqualTo(HttpStatus.ACCEPTED);
        String location = accepted.getHeaders().getLocation().toString();
        JsonNode done = awaitPlan(http, location);
        return UUID.fromString(done.get("id").asText());
    }

    /** Polls GET .../simulation{query} until the run is COMPLETED; returns the view. */
    public static JsonNode awaitSimulation(TestRestTemplate http, Object plan, String query) {
        JsonNode[] last = new JsonNode[1];
        Awaitility.await()
                .atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(300))
                .until(() -> {
                    ResponseEntity<JsonNode> r =
                            http.getForEntity("/api/v1/plans/" + plan + "/simulation" + query, JsonNode.class);
                    last[0] = r.getBody();
                    return r.getStatusCode().is2xxSuccessful()
                            && FINAL.contains(last[0].get("status").asText());
                });
        assertThat(last[0].get("status").asText()).as("simulation %s", last[0]).isEqualTo("COMPLETED");
        return last[0];
    }

    /** Polls a plan until it is COMPLETED or FAILED (fails fast, with the plan's error, on FAILED). */
    public static JsonNode awaitPlan(TestRestTemplate http, String location) {
        JsonNode[] last = new JsonNode[1];
        Awaitility.await()
                .atMost(Duration.ofSeconds(120))
                .pollInterval(Duration.ofMillis(300))
                .until(() -> {
                    last[0] = http.getForObject(location, JsonNode.class);
                    return FINAL.contains(last[0].get("status").asText());
                });
        assertThat(last[0].get("status").asText()).as("plan %s", last[0]).isEqualTo("COMPLETED");
        return last[0];
    }

    /** n web VMs of 1 vCPU / 2000 MHz, CPU alternating 600/1400 MHz, memory 700 MiB, no disk/network columns. */
    public static LoadedWorkload webWorkload(int n, int steps) {
        List<WorkloadVm> vms = new ArrayList<>();
        float[][] cpu = new float[n][steps];
        float[][] mem = new float[n][steps];
        for (int v = 0; v < n; v++) {
            vms.add(new WorkloadVm(v, "web-" + v, 1, 2000, 1024, "linux", true, WorkloadClass.WEB, null));
            for (int t = 0; t < steps; t++) {
                cpu[v][t] = (t + v) % 2 == 0 ? 1400f : 600f;
                mem[v][t] = 700f;
            }
        }
        Map<Metric, float[][]> series = new EnumMap<>(Metric.class);
        series.put(Metric.CPU, cpu);
        series.put(Metric.MEMORY, mem);
        return new LoadedWorkload(
                UUID.randomUUID(), "web", new TimeGrid(Instant.parse("2026-01-05T00:00:00Z"), 300, steps), vms, series);
    }
}
