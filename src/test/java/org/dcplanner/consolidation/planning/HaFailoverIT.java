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
 * at every step and row, no anti-affinity group shares a host, hardware-assisted VMs land on assisted hosts, MUST
 * host rules hold and affinity groups stay together.
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
        JsonNode plan = planAndCheckEveryFailure("dell-r6515", null);
        assertThat(plan.get("hostsUsed").asInt()).isGreaterThanOrEqualTo(7);
    }

    /**
     * The case: web-0015's 6 replicas (anti-affinity) with a reserve of 1 on large hosts, where the demand
     * alone fits on fewer than 6: the fluid reserve alone let the solver stop at 6 hosts, one replica on each, so
     * after any failure that replica had no legal host. Now every failure restarts every VM, with rules in force
     * (an affinity group, a MUST and a SHOULD host rule), and the plan holds 6 + 1 hosts.
     */
    @Test
    void sixReplicasWithReserveOneArePlannedAround() throws Exception {
        Map<String, Object> rules = Map.of(
                "affinityGroups",
                List.of(Map.of("name", "batch-pair", "vms", List.of("batch-0001-1", "batch-0001-2"))),
                "hostGroups",
                List.of(
                        Map.of("name", "first-four", "slots", List.of(0, 1, 2, 3)),
                        Map.of("name", "first-six", "slots", List.of(0, 1, 2, 3, 4, 5))),
                "hostRules",
                List.of(
                        Map.of(
                                "name",
                                "db18-on-first-six",
                                "vmGroup",
                                "db-0018",
                                "hostGroup",
                                "first-six",
                                "kind",
                                "MUST_RUN_ON"),
                        Map.of(
                                "name",
                                "web15-prefers-first-four",
                                "vmGroup",
                                "web-0015",
                                "hostGroup",
                                "first-four",
                                "kind",
                                "SHOULD_RUN_ON")));
        JsonNode plan = planAndCheckEveryFailure("hpe-dl380-gen10-plus", rules);
        assertThat(plan.get("hostsUsed").asInt())
                .isGreaterThanOrEqualTo(plan.get("antiAffinityHosts").asInt())
                .isGreaterThanOrEqualTo(7);
        JsonNode report = http.getForObject("/api/v1/plans/" + plan.get("id").asText() + "/rules", JsonNode.class);
        assertThat(report.get("affinityGroups").get(0).get("hosts").asInt()).isEqualTo(1);
        assertThat(report.get("hostRules").get(0).get("brokenCount").asInt()).isZero();
        // web-0015's 6 replicas cannot all run on 4 hosts: the SHOULD rule is broken and listed
        assertThat(report.get("brokenSoftRules").toString()).contains("web15-prefers-first-four");
    }

    private JsonNode planAndCheckEveryFailure(String model, Map<String, Object> rules) throws Exception {
        var form = new LinkedMultiValueMap<String, Object>();
        form.add("file", new FileSystemResource(Path.of("sample-workloads", "generic-small.csv")));
        form.add("inventory", new FileSystemResource(Path.of("sample-workloads", "inventory-small.csv")));
        ResponseEntity<JsonNode> created = http.postForEntity("/api/v1/workloads", form, JsonNode.class);
        assertThat(created.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        UUID workload = UUID.fromString(created.getBody().get("id").asText());
        Map<String, Object> body = PlanApi.request(workload, model, 20, "HARDWARE_ASSISTED", 10);
        if (rules != null) body.put("rules", rules);
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
            checkRules(p, after);
        }
        assertThat(failedHosts).as("every active host fails once").isEqualTo(active);
        assertThat(failover.get("vmsWithoutRestart").asInt()).isZero();
        assertThat(restarts).isEqualTo(p.vmCount());
        return plan;
    }

    /** MUST host rules bind restarted VMs; an affinity group stays on one host. */
    private static void checkRules(PlanningProblem p, int[] slotOf) {
        for (var rule : p.rules().hostRules()) {
            if (!rule.kind().hard()) continue;
            for (int v : rule.vms())
                assertThat(rule.hostGroup()[slotOf[v]] == rule.kind().runOn())
                        .as(
                                "rule %s for %s on host %d",
                                rule.name(), p.vmNames().get(v), slotOf[v])
                        .isTrue();
        }
        Map<Integer, Integer> groupHost = new HashMap<>();
        for (int v = 0; v < slotOf.length; v++) {
            int g = p.rules().affinityGroup(v);
            int host = slotOf[v];
            if (g >= 0)
                assertThat(groupHost.computeIfAbsent(g, x -> host))
                        .as("affinity group %d together", g)
                        .isEqualTo(host);
        }
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
