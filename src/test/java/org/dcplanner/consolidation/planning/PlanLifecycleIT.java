package org.dcplanner.consolidation.planning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.dcplanner.consolidation.PostgresIntegrationTest;
import org.dcplanner.consolidation.ingestion.LoadedWorkload;
import org.dcplanner.consolidation.ingestion.Metric;
import org.dcplanner.consolidation.ingestion.WorkloadStore;
import org.dcplanner.consolidation.planning.internal.PlanRepository;
import org.dcplanner.consolidation.virtualization.OverheadModel;
import org.dcplanner.consolidation.virtualization.VirtualizationApproach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/** The whole plan life cycle on the real application: ingestion, overhead model, solver, job engine, engine hand-off. */
class PlanLifecycleIT extends PostgresIntegrationTest {
    @Autowired
    TestRestTemplate http;

    @Autowired
    PlanLookup lookup;

    @Autowired
    PlanRepository plans;

    @Autowired
    WorkloadStore workloads;

    @Autowired
    OverheadModel overhead;

    /** Uploads n compute-class VMs whose CPU alternates 3000/1000 MHz in anti-phase (generic CSV + inventory). */
    private UUID upload(int vms, int steps) {
        return CsvUploads.antiPhase(http, "lifecycle-it", vms, steps);
    }

    @Test
    void densityLimitsBindThePlanAndTheDashboardShowsEachHostsRatios() {
        // 6 VMs of 1 vCPU at 100 MHz: CPU alone puts them all on one 64-core host; at most 2 VMs a host -> 3 hosts
        float[][] cpu = new float[6][4];
        for (float[] vm : cpu) java.util.Arrays.fill(vm, 100);
        UUID workload = CsvUploads.upload(http, "limits-it", 1, 2000, cpu);
        Map<String, Object> request = PlanApi.request(workload, "dell-r6515", 4, "HARDWARE_ASSISTED", 3);
        request.put(
                "hostPool", List.of(Map.of("model", "dell-r6515", "count", 4, "limits", Map.of("maxVmsPerHost", 2))));
        request.put("limits", Map.of("vcpuPerCore", 4, "memoryOvercommit", 1.5));
        ResponseEntity<JsonNode> accepted = PlanApi.post(http, request);
        assertThat(accepted.getStatusCode()).isEqualTo(HttpStatus.ACCEPTED);
        JsonNode plan =
                PlanApi.awaitStatus(http, accepted.getHeaders().getLocation().toString(), "COMPLETED");
        assertThat(plan.get("lowerBoundHosts").asInt()).isEqualTo(3);
        assertThat(plan.get("hostsUsed").asInt()).isEqualTo(3);
        assertThat(plan.get("baselines").get("timeSeriesFfdHosts").asInt()).isEqualTo(3);
        assertThat(plan.get("request").get("limits").get("vcpuPerCore").asDouble())
                .isEqualTo(4.0);
        JsonNode ratios = http.getForObject(accepted.getHeaders().getLocation() + "/host-ratios", JsonNode.class);
        assertThat(ratios).hasSize(3);
        for (JsonNode h : ratios) {
            assertThat(h.get("vms").asInt()).isEqualTo(2);
            assertThat(h.get("cores").asInt()).isEqualTo(64);
            assertThat(h.get("vcpuPerCore").asDouble()).isEqualTo(2 / 64.0);
            assertThat(h.get("memoryRatio").asDouble()).isEqualTo(2 * 1024 / 524_288.0);
            assertThat(h.get("limits").get("maxVmsPerHost").asInt()).isEqualTo(2);
            assertThat(h.get("limits").get("vcpuPerCore").asDouble()).isEqualTo(4.0);
        }
        request.put("limits", Map.of("memoryOvercommit", 9));
        ResponseEntity<JsonNode> bad = PlanApi.post(http, request);
        assertThat(bad.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(bad.getBody().get("field").asText()).isEqualTo("limits.memoryOvercommit");
    }

    @Test
    void queuedPlanSolvesToCompletedWithPlacementsCsvExplanationAndReplay() {
        // 6 VMs, 3000/1000 MHz in anti-phase: peaks need 6 x 3000, the series only 3 x 4000 per step
        // (before overhead; full virtualization adds ~15 % host CPU for a compute-class VM) -> 3 g5 hosts
        UUID workload = upload(6, 4);
        Map<String, Object> request = PlanApi.request(workload, "hp-ml110-g5", 10, "FULL", 5);
        request.put("pinned", Map.of("vm 5", 9)); // the last host of the pool: the optimum keeps 3 hosts
        ResponseEntity<JsonNode> accepted = PlanApi.post(http, request);
        assertThat(accepted.getStatusCode()).isEqualTo(HttpStatus.ACCEPTED);
        URI location = accepted.getHeaders().getLocation();
        assertThat(location.getPath()).startsWith("/api/v1/plans/");
        assertThat(accepted.getBody().get("status").asText()).isIn("QUEUED", "SOLVING");

        JsonNode plan = PlanApi.awaitStatus(http, location.toString(), "COMPLETED");
        UUID id = UUID.fromString(plan.get("id").asText());
        assertThat(plan.get("lowerBoundHosts").asInt()).isEqualTo(3);
        assertThat(plan.get("hostsUsed").asInt()).isEqualTo(3);
        assertThat(plan.get("baselines").get("peakFfdHosts").asInt())
                .isEqualTo(6); // 3435 MHz peaks: one per 5320 MHz host
        assertThat(plan.get("baselines").get("timeSeriesFfdHosts").asInt()).isGreaterThanOrEqualTo(3);
        assertThat(plan.get("feasible").asBoolean()).isTrue();
        assertThat(plan.get("brokenConstraints")).isEmpty();
        assertThat(plan.get("progress")).isNotEmpty();
        // the search time over all attempts (one here), stored at its end: within the attempt's elapsed time
        assertThat(plan.get("searchedMillis").asLong())
                .isPositive()
                .isLessThanOrEqualTo(plan.get("elapsedMillis").asLong())
                .isEqualTo(plans.find(UUID.fromString(plan.get("id").asText()))
                        .orElseThrow()
                        .searchedMillis());
        assertThat(plan.get("request").get("virtualization").asText()).isEqualTo("FULL");
        assertThat(plan.get("request").get("targetUtilization").asDouble()).isEqualTo(1.0);

        JsonNode placements = http.getForObject(location + "/placements", JsonNode.class);
        assertThat(placements).hasSize(6);
        assertThat(placements.get(1).get("vmName").asText()).isEqualTo("vm 1");
        assertThat(placements.findValuesAsText("hostModel")).containsOnly("hp-ml110-g5");
        assertThat(get(location + "/placements", "*/*")
                        .getHeaders()
                        .getContentType()
                        .toString())
                .startsWith("application/json");
        ResponseEntity<String> csv = get(location + "/placements", "text/csv");
        assertThat(csv.getHeaders().getContentType().toString()).startsWith("text/csv");
        String[] lines = csv.getBody().split("\r?\n");
        assertThat(lines[0]).isEqualTo("vm,vmName,slot,hostModel");
        assertThat(lines).hasSize(7);
        assertThat(lines[1]).startsWith("0,vm 0,").endsWith(",hp-ml110-g5");

        JsonNode explanation = http.getForObject(location + "/explanation", JsonNode.class);
        assertThat(explanation).hasSize(6);
        // one per VM in VM order, so a client asks the page holding VM v at floor(v / size)
        for (int v = 0; v < 6; v++)
            assertThat(explanation.get(v).get("vm").asInt()).isEqualTo(v);
        JsonNode secondPage = http.getForObject(location + "/explanation?page=1&size=4", JsonNode.class);
        assertThat(secondPage).hasSize(2);
        assertThat(secondPage.get(0).get("vm").asInt()).isEqualTo(4);
        JsonNode first = explanation.get(0);
        assertThat(first.get("bindingResource").asText()).isEqualTo("CPU");
        assertThat(first.get("hostModel").asText()).isEqualTo("hp-ml110-g5");
        assertThat(first.get("matchedConstraints")).isNotEmpty();
        assertThat(first.get("pinned").asBoolean()).isFalse();
        // a pinned VM's explanation says so: no constraint match explains a satisfied pin
        JsonNode pinnedVm = explanation.get(5);
        assertThat(pinnedVm.get("vmName").asText()).isEqualTo("vm 5");
        assertThat(pinnedVm.get("slot").asInt()).isEqualTo(9);
        assertThat(pinnedVm.get("pinned").asBoolean()).isTrue();
        // in words: size, share of the host's busiest step, headroom, the pin, and the nearest other host
        assertThat(pinnedVm.get("words").asText())
                .contains("vm 5 is configured with")
                .contains("of the host's load")
                .contains("Headroom then")
                .contains("pins it to host #9");
        assertThat(first.get("shareOfHostLoad").asDouble()).isBetween(0.0, 1.0);
        assertThat(first.get("nearestOtherWhyNot").asText()).isNotBlank();
        // the planned demand went through the engine's overhead model: two anti-phase VMs share each host
        LoadedWorkload w = workloads.load(workload, EnumSet.allOf(Metric.class));
        float[] out = new float[4];
        overhead.hostDemand(VirtualizationApproach.FULL, w.vms().get(0), 3000, 512, 0, 0, out);
        float high = out[0];
        overhead.hostDemand(VirtualizationApproach.FULL, w.vms().get(1), 1000, 512, 0, 0, out);
        assertThat(high).isGreaterThan(3000);
        assertThat(first.get("bindingUtilization").asDouble()).isCloseTo((high + out[0]) / 5320.0, within(1e-3));

        PlacedPlan placed = lookup.placedPlan(id).orElseThrow();
        assertThat(placed.hosts()).hasSize(3);
        assertThat(placed.approach()).isEqualTo(VirtualizationApproach.FULL);
        assertThat(placed.resources()).containsExactly(Metric.CPU);
        assertThat(placed.vmHostSlot()).hasSize(6).containsOnly(0, 1, 2);
        // PlanCompleted reached the execution engine, which replayed the placement
        Awaitility.await()
                .atMost(Duration.ofSeconds(60))
                .until(() -> http.getForEntity(location + "/simulation", JsonNode.class)
                                .getStatusCode()
                        == HttpStatus.OK);

        assertThat(http.getForObject("/api/v1/plans", JsonNode.class).findValuesAsText("id"))
                .contains(id.toString());
        assertThat(http.getForObject("/api/v1/plans?workloadId=" + workload, JsonNode.class)
                        .findValuesAsText("id"))
                .containsExactly(id.toString());
        assertThat(http.getForObject("/api/v1/plans?workloadId=" + UUID.randomUUID(), JsonNode.class))
                .isEmpty();
        ResponseEntity<JsonNode> badFilter = http.getForEntity("/api/v1/plans?workloadId=nonsense", JsonNode.class);
        assertThat(badFilter.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(badFilter.getHeaders().getContentType().isCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .isTrue();
        // a finished plan is deleted by DELETE
        assertThat(http.exchange(location, HttpMethod.DELETE, null, JsonNode.class)
                        .getStatusCode())
                .isEqualTo(HttpStatus.NO_CONTENT);
        assertThat(http.getForEntity(location, JsonNode.class).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(lookup.exists(id)).isFalse();
    }

    @Test
    void deleteWhileSolvingStopsTheSolverAndKeepsItsBest() {
        UUID workload = upload(8, 6);
        Map<String, Object> body = PlanApi.request(workload, "hp-ml110-g5", 20, "FULL", 600);
        body.put("objective", "POWER"); // no early stop at the lower bound: it solves until stopped
        URI location = PlanApi.post(http, body).getHeaders().getLocation();
        Awaitility.await()
                .atMost(Duration.ofSeconds(60))
                .until(() -> "SOLVING"
                        .equals(http.getForObject(location, JsonNode.class)
                                .get("status")
                                .asText()));

        ResponseEntity<JsonNode> stop = http.exchange(location, HttpMethod.DELETE, null, JsonNode.class);
        assertThat(stop.getStatusCode()).isEqualTo(HttpStatus.ACCEPTED);
        assertThat(stop.getBody().get("cancelRequested").asBoolean()).isTrue();

        JsonNode cancelled = PlanApi.awaitStatus(http, location.toString(), "CANCELLED");
        assertThat(cancelled.get("hostsUsed").asInt()).isEqualTo(4);
        assertThat(cancelled.get("feasible").asBoolean()).isTrue();
        assertThat(cancelled.get("elapsedMillis").asLong()).isLessThan(60_000);
        // reaching CANCELLED at all, under a 600 s limit, shows the DELETE ended the solve (the latency is measured by
        // CancelLatencyBenchmark, not timed here); the end of the attempt recorded its search time
        long searched = plans.find(UUID.fromString(cancelled.get("id").asText()))
                .orElseThrow()
                .searchedMillis();
        assertThat(searched).isBetween(1L, cancelled.get("elapsedMillis").asLong());
        assertThat(cancelled.get("searchedMillis").asLong()).isEqualTo(searched);
        assertThat(http.getForObject(location + "/placements", JsonNode.class)).hasSize(8);
        assertThat(lookup.placedPlan(UUID.fromString(cancelled.get("id").asText())))
                .isPresent();
    }

    private ResponseEntity<String> get(String url, String accept) {
        HttpHeaders headers = new HttpHeaders();
        headers.set("Accept", accept);
        return http.exchange(url, HttpMethod.GET, new HttpEntity<>(headers), String.class);
    }
}
