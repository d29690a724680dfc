package org.dcplanner.consolidation.planning;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
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
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.io.FileSystemResource;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.util.LinkedMultiValueMap;

/**
 * Plans from today's placement (the vCenter sample with its RVTools export: 12 VMs on 3 hosts, 4 each): the move
 * budget bounds the migrations, the VMs that do not move stay on today's host, and the action plan, replayed here on
 * the plan's own sized problem, keeps every host within capacity after each step and ends on the plan's placement.
 */
class FromTodaysPlacementIT extends PostgresIntegrationTest {
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

    private UUID workload;
    /** VM name to today's host name, from the estate endpoint. */
    private final Map<String, String> todayHost = new HashMap<>();

    private List<String> hostNames;

    @BeforeEach
    void upload() {
        var form = new LinkedMultiValueMap<String, Object>();
        form.add("file", new FileSystemResource(Path.of("sample-workloads", "vcenter-small.csv.gz")));
        form.add("inventory", new FileSystemResource(Path.of("sample-workloads", "rvtools-small.xlsx")));
        ResponseEntity<JsonNode> created = http.postForEntity("/api/v1/workloads", form, JsonNode.class);
        assertThat(created.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        workload = UUID.fromString(created.getBody().get("id").asText());
        JsonNode estate = http.getForObject("/api/v1/workloads/" + workload + "/estate", JsonNode.class);
        for (JsonNode vm : estate.get("vms"))
            todayHost.put(vm.get("vm").asText(), vm.get("currentHost").asText());
        hostNames = new java.util.ArrayList<>();
        for (JsonNode h : estate.get("hosts")) hostNames.add(h.get("name").asText());
        assertThat(hostNames).hasSize(3);
        assertThat(new HashSet<>(todayHost.values())).hasSize(3);
    }

    private Map<String, Object> request(Integer maxMigrations) {
        Map<String, Object> body = PlanApi.request(workload, "dell-r740", 1, "HARDWARE_ASSISTED", 3);
        body.remove("hostPool");
        body.put("resources", List.of("CPU", "MEMORY"));
        Map<String, Object> budget = new HashMap<>();
        budget.put("hostModels", Map.of("PowerEdge R640", "dell-r740"));
        if (maxMigrations != null) budget.put("maxMigrations", maxMigrations);
        body.put("fromCurrentPlacement", budget);
        return body;
    }

    private JsonNode solved(Map<String, Object> body) {
        ResponseEntity<JsonNode> accepted = PlanApi.post(http, body);
        assertThat(accepted.getStatusCode())
                .as(String.valueOf(accepted.getBody()))
                .isEqualTo(HttpStatus.ACCEPTED);
        return PlanApi.awaitStatus(http, accepted.getHeaders().getLocation().toString(), "COMPLETED");
    }

    @Test
    void theBudgetBoundsTheMigrationsAndTheActionPlanKeepsHostsWithinCapacity() throws Exception {
        JsonNode plan = solved(request(4));
        String location = "/api/v1/plans/" + plan.get("id").asText();
        JsonNode placements = http.getForObject(location + "/placements", JsonNode.class);
        Map<String, String> plannedHost = new HashMap<>();
        int moved = 0;
        for (JsonNode p : placements) {
            String vm = p.get("vmName").asText();
            // the pool is today's hosts in name order: slot i is the i-th host
            String host = hostNames.get(p.get("slot").asInt());
            plannedHost.put(vm, host);
            if (!host.equals(todayHost.get(vm))) moved++;
        }
        assertThat(moved)
                .as("one host of 4 VMs emptied, within the budget of 4")
                .isBetween(1, 4);
        assertThat(new HashSet<>(plannedHost.values())).hasSize(2);

        JsonNode actions = http.getForObject(location + "/actions", JsonNode.class);
        assertThat(actions.get("hostsToday").asInt()).isEqualTo(3);
        assertThat(actions.get("hostsAfter").asInt()).isEqualTo(2);
        assertThat(actions.get("totals").get("migrations").asInt()).isEqualTo(moved);
        assertThat(actions.get("totals").get("powerOffs").asInt()).isEqualTo(1);

        PlanRequest stored = json.treeToValue(plan.get("request"), PlanRequest.class);
        PlanningProblem p = PlanProblemFactory.build(
                        stored, workloads.load(workload, EnumSet.allOf(Metric.class)), catalog, overhead)
                .problem();
        Map<String, String> at = new HashMap<>(todayHost);
        Map<String, Integer> vmIndex = new HashMap<>();
        for (int v = 0; v < p.vmCount(); v++) vmIndex.put(p.vmNames().get(v), v);
        at.keySet().retainAll(vmIndex.keySet());
        double networkKBps = catalog.find("dell-r740").orElseThrow().networkKBps();
        double memoryMib = 0;
        for (JsonNode a : actions.get("actions")) {
            String kind = a.get("kind").asText();
            if (kind.equals("POWER_OFF")) {
                assertThat(at.containsValue(a.get("fromHost").asText())).isFalse();
                continue;
            }
            assertThat(kind).isEqualTo("MIGRATE");
            String vm = a.get("vm").asText();
            assertThat(at.get(vm)).isEqualTo(a.get("fromHost").asText());
            at.put(vm, a.get("toHost").asText());
            assertThat(a.get("overCapacity").asBoolean()).isFalse();
            withinCapacity(p, at, vmIndex, a.get("toHost").asText());
            // CloudSim's migration time: configured memory / half the destination's bandwidth
            double vmMemory = a.get("memoryMib").asDouble();
            assertThat(a.get("durationSeconds").asDouble())
                    .isCloseTo(vmMemory * 1024 / (0.5 * networkKBps), org.assertj.core.data.Offset.offset(1e-6));
            memoryMib += vmMemory;
        }
        assertThat(at).isEqualTo(plannedHost);
        assertThat(actions.get("totals").get("memoryGib").asDouble())
                .isCloseTo(memoryMib / 1024, org.assertj.core.data.Offset.offset(1e-9));

        // savings compare against today's hosts by default: 3 in use today, 2 after
        JsonNode savings = http.getForObject(location + "/savings", JsonNode.class);
        assertThat(savings.get("baseline").asText()).isEqualTo("TODAYS_ESTATE");
        assertThat(savings.at("/before/serverCount").asInt()).isEqualTo(3);
        assertThat(savings.at("/after/serverCount").asInt()).isEqualTo(2);
        assertThat(savings.at("/before/itAverageKw").asDouble())
                .isGreaterThan(savings.at("/after/itAverageKw").asDouble());

        HttpHeaders csvAccept = new HttpHeaders();
        csvAccept.setAccept(List.of(org.springframework.http.MediaType.parseMediaType("text/csv")));
        ResponseEntity<String> csv =
                http.exchange(location + "/actions", HttpMethod.GET, new HttpEntity<>(csvAccept), String.class);
        assertThat(csv.getStatusCode()).isEqualTo(HttpStatus.OK);
        String[] lines = csv.getBody().strip().split("\r?\n");
        assertThat(lines[0]).startsWith("order,action,vm,fromHost,toHost,memoryMib");
        assertThat(lines).hasSize(1 + actions.get("actions").size());
    }

    @Test
    void noBudgetEmptiesBothSpareHostsAndAZeroBudgetMovesNothing() {
        JsonNode free = solved(request(null));
        JsonNode actions = http.getForObject("/api/v1/plans/" + free.get("id").asText() + "/actions", JsonNode.class);
        assertThat(actions.get("hostsAfter").asInt()).isEqualTo(1);
        assertThat(actions.get("totals").get("migrations").asInt()).isEqualTo(8);

        JsonNode none = solved(request(0));
        JsonNode kept = http.getForObject("/api/v1/plans/" + none.get("id").asText() + "/actions", JsonNode.class);
        assertThat(kept.get("hostsAfter").asInt()).isEqualTo(3);
        assertThat(kept.get("actions")).isEmpty();
    }

    @Test
    void badBudgetsAreRefusedNamingTheField() {
        Map<String, Object> negative = request(-1);
        ResponseEntity<JsonNode> r = PlanApi.post(http, negative);
        assertThat(r.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(r.getBody().toString()).contains("fromCurrentPlacement.maxMigrations");

        Map<String, Object> withPool = request(2);
        withPool.put("hostPool", List.of(Map.of("model", "dell-r740", "count", 3)));
        assertThat(PlanApi.post(http, withPool).getBody().toString()).contains("hostPool");

        Map<String, Object> unmapped = request(2);
        ((Map<String, Object>) unmapped.get("fromCurrentPlacement")).put("hostModels", Map.of("other", "dell-r740"));
        ResponseEntity<JsonNode> u = PlanApi.post(http, unmapped);
        assertThat(u.getStatusCode()).isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
        assertThat(u.getBody().toString()).contains("fromCurrentPlacement.hostModels");

        // a plan on an empty pool has no action plan
        Map<String, Object> plain = PlanApi.request(workload, "dell-r740", 3, "HARDWARE_ASSISTED", 1);
        JsonNode plainPlan = solved(plain);
        ResponseEntity<JsonNode> conflict =
                http.getForEntity("/api/v1/plans/" + plainPlan.get("id").asText() + "/actions", JsonNode.class);
        assertThat(conflict.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
    }

    private static void withinCapacity(
            PlanningProblem p, Map<String, String> at, Map<String, Integer> vmIndex, String host) {
        double[][] load = new double[p.rows()][p.steps()];
        Set<String> on = new HashSet<>();
        at.forEach((vm, h) -> {
            if (!h.equals(host)) return;
            on.add(vm);
            int v = vmIndex.get(vm);
            for (int r = 0; r < p.rows(); r++) for (int t = 0; t < p.steps(); t++) load[r][t] += p.demand()[r][v][t];
        });
        for (int r = 0; r < p.rows(); r++) {
            double cap = p.slots().get(0).capacity()[r];
            for (int t = 0; t < p.steps(); t++) assertThat(load[r][t]).isLessThanOrEqualTo(cap * (1 + 1e-6));
        }
    }
}
