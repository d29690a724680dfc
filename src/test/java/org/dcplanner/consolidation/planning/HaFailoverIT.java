package org.dcplanner.consolidation.planning;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.dcplanner.consolidation.PostgresIntegrationTest;
import org.dcplanner.consolidation.ingestion.Metric;
import org.dcplanner.consolidation.ingestion.WorkloadStore;
import org.dcplanner.consolidation.inventory.HostCatalog;
import org.dcplanner.consolidation.planning.internal.PlanProblemFactory;
import org.dcplanner.consolidation.planning.solver.domain.PlanningProblem;
import org.dcplanner.consolidation.virtualization.OverheadModel;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.io.FileSystemResource;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.util.LinkedMultiValueMap;

/**
 * Whole-VM HA, k = 1, on the generic sample with its inventory: the plan's stored failover map is checked here,
 * independently of the code that built it, for every single-host failure: each VM of the failed host has a
 * surviving active host, and with all restarts of that failure applied every survivor stays within usable capacity
 * at every step and row, no anti-affinity group shares a host, and hardware-assisted VMs land on assisted hosts.
 */
class HaFailoverIT extends PostgresIntegrationTest {
    @Autowired
    TestRestTemplate http;

    @Autowired
    WorkloadStore workloads;

    @Autowired
    HostCatalog catalog;

    @Autowired
    OverheadModel overhead;

    @Autowired
    com.fasterxml.jackson.databind.ObjectMapper json;

    @Test
    void everySingleHostFailureRestartsEveryVmLegally() throws Exception {
        var form = new LinkedMultiValueMap<String, Object>();
        form.add("file", new FileSystemResource(Path.of("sample-workloads", "generic-small.csv")));
        form.add("inventory", new FileSystemResource(Path.of("sample-workloads", "inventory-small.csv")));
        ResponseEntity<JsonNode> created = http.postForEntity("/api/v1/workloads", form, JsonNode.class);
        assertThat(created.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        UUID workload = UUID.fromString(created.getBody().get("id").asText());
        Map<String, Object> body = PlanApi.request(workload, "dell-r6515", 20, "HARDWARE_ASSISTED", 10);
        body.put("resources", List.of("CPU", "MEMORY"));
        body.put("sizing", Map.of("percentile", 95, "headroomPercent", 10));
        body.put("haReserveHosts", 1);
        ResponseEntity<JsonNode> accepted = PlanApi.post(http, body);
        assertThat(accepted.getStatusCode()).isEqualTo(HttpStatus.ACCEPTED);
        String location = accepted.getHeaders().getLocation().toString();
        JsonNode plan = PlanApi.awaitStatus(http, location, "COMPLETED");
        JsonNode failover = http.getForObject(location + "/failover", JsonNode.class);
        JsonNode placements = http.getForObject(location + "/placements", JsonNode.class);

        // the problem the plan packed (sized demand per row and step, usable capacities), rebuilt from its request
        PlanRequest request = json.treeToValue(plan.get("request"), PlanRequest.class);
        PlanningProblem p = PlanProblemFactory.build(
                        request, workloads.load(workload, EnumSet.allOf(Metric.class)), catalog, overhead)
                .problem();
        int[] slotOf = new int[p.vmCount()];
        Map<String, Integer> vmIndex = new HashMap<>();
        for (JsonNode pl : placements) {
            slotOf[pl.get("vm").asInt()] = pl.get("slot").asInt();
            vmIndex.put(pl.get("vmName").asText(), pl.get("vm").asInt());
        }
        Set<Integer> active = new HashSet<>();
        for (int s : slotOf) active.add(s);

        Set<Integer> failedHosts = new HashSet<>();
        int restarts = 0;
        for (JsonNode scenario : failover.get("scenarios")) {
            assertThat(scenario.get("failedSlots")).hasSize(1);
            int failed = scenario.get("failedSlots").get(0).asInt();
            failedHosts.add(failed);
            int[] after = slotOf.clone();
            List<Integer> victims = new ArrayList<>();
            for (int v = 0; v < slotOf.length; v++) if (slotOf[v] == failed) victims.add(v);
            assertThat(scenario.get("restarts")).hasSize(victims.size());
            for (JsonNode r : scenario.get("restarts")) {
                int v = vmIndex.get(r.get("vm").asText());
                int to = r.get("toSlot").asInt();
                assertThat(slotOf[v]).isEqualTo(failed);
                assertThat(to)
                        .as("VM %s of failed host %d", r.get("vm").asText(), failed)
                        .isNotEqualTo(failed)
                        .isIn(active);
                after[v] = to;
                restarts++;
            }
            checkLegal(p, after, failed);
        }
        assertThat(failedHosts).as("every active host fails once").isEqualTo(active);
        assertThat(failover.get("vmsWithoutRestart").asInt()).isZero();
        assertThat(restarts).isEqualTo(p.vmCount());
    }

    /** Every surviving host within usable capacity at every row and step; anti-affinity; hardware assist. */
    private static void checkLegal(PlanningProblem p, int[] slotOf, int failed) {
        Map<Integer, double[][]> load = new HashMap<>();
        Map<Integer, Set<Integer>> groupsOn = new HashMap<>();
        for (int v = 0; v < slotOf.length; v++) {
            int s = slotOf[v];
            assertThat(s).isNotEqualTo(failed);
            double[][] l = load.computeIfAbsent(s, x -> new double[p.rows()][p.steps()]);
            for (int r = 0; r < p.rows(); r++) for (int t = 0; t < p.steps(); t++) l[r][t] += p.demand()[r][v][t];
            int g = p.antiAffinityGroup()[v];
            if (g >= 0)
                assertThat(groupsOn.computeIfAbsent(s, x -> new HashSet<>()).add(g))
                        .as("anti-affinity group %d twice on host %d after host %d failed", g, s, failed)
                        .isTrue();
            assertThat(p.slots().get(s).hardwareAssist()).isTrue();
        }
        load.forEach((s, l) -> {
            for (int r = 0; r < p.rows(); r++) {
                double cap = p.slots().get(s).capacity()[r];
                for (int t = 0; t < p.steps(); t++) {
                    assertThat(l[r][t])
                            .as("host %d %s step %d after host %d failed", s, p.rowName(r), t, failed)
                            .isLessThanOrEqualTo(cap * (1 + 1e-6));
                }
            }
        });
    }
}
