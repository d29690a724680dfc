package org.dcplanner.consolidation.simulation.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.time.Instant;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.dcplanner.consolidation.PostgresIntegrationTest;
import org.dcplanner.consolidation.ingestion.Metric;
import org.dcplanner.consolidation.ingestion.WorkloadStore;
import org.dcplanner.consolidation.inventory.HostCatalog;
import org.dcplanner.consolidation.planning.PlanRequest;
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
 * Time-windowed plans on the generic sample (one day of 5-minute steps from midnight UTC): every window's placement,
 * checked here on the plan's own sized problem, keeps its hosts within capacity at every step of its hours; the
 * migrations into each window are what differs from the window before; a cap of 0 keeps the plan's placement all
 * day; the plan's replay migrates at the window starts exactly the VMs the windows say.
 */
class WindowedPlanIT extends PostgresIntegrationTest {
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

    @Autowired
    org.springframework.jdbc.core.JdbcTemplate jdbc;

    private UUID upload() {
        var form = new LinkedMultiValueMap<String, Object>();
        form.add("file", new FileSystemResource(Path.of("sample-workloads", "generic-small.csv")));
        form.add("inventory", new FileSystemResource(Path.of("sample-workloads", "inventory-small.csv")));
        ResponseEntity<JsonNode> created = http.postForEntity("/api/v1/workloads", form, JsonNode.class);
        assertThat(created.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        return UUID.fromString(created.getBody().get("id").asText());
    }

    private JsonNode plan(UUID workload, Integer cap) {
        Map<String, Object> body = new HashMap<>();
        body.put("workloadId", workload);
        body.put("hostPool", List.of(Map.of("model", "dell-r6515", "count", 20)));
        body.put("resources", List.of("CPU", "MEMORY"));
        body.put("sizing", Map.of("percentile", 100, "headroomPercent", 0, "windowSteps", 1));
        body.put("virtualization", "HARDWARE_ASSISTED");
        body.put("timeLimitSeconds", 2);
        Map<String, Object> windows = new HashMap<>();
        windows.put("startHours", List.of(0, 8, 20));
        if (cap != null) windows.put("maxMigrationsPerTransition", cap);
        body.put("timeWindows", windows);
        ResponseEntity<JsonNode> accepted = http.postForEntity("/api/v1/plans", body, JsonNode.class);
        assertThat(accepted.getStatusCode()).as("%s", accepted.getBody()).isEqualTo(HttpStatus.ACCEPTED);
        return SolvedPlans.awaitPlan(http, accepted.getHeaders().getLocation().toString());
    }

    @Test
    void eachWindowFitsItsHoursAndTheReplayMigratesAtTheWindowStarts() throws Exception {
        UUID workload = upload();
        JsonNode plan = plan(workload, null);
        String id = plan.get("id").asText();
        JsonNode windows = http.getForObject("/api/v1/plans/" + id + "/windows", JsonNode.class);
        assertThat(windows.get("windows")).hasSize(3);
        assertThat(windows.at("/windows/2/startHour").asInt()).isEqualTo(20);
        assertThat(windows.at("/windows/2/endHour").asInt()).isZero();

        PlanRequest request = json.treeToValue(plan.get("request"), PlanRequest.class);
        var w = workloads.load(workload, EnumSet.allOf(Metric.class));
        PlanningProblem p =
                PlanProblemFactory.build(request, w, catalog, overhead).problem();
        int[] planned = new int[p.vmCount()];
        for (JsonNode pl : http.getForObject("/api/v1/plans/" + id + "/placements", JsonNode.class))
            planned[pl.get("vm").asInt()] = pl.get("slot").asInt();
        int[][] slots = new int[3][];
        for (int k = 0; k < 3; k++) {
            slots[k] = json.treeToValue(windows.at("/windows/" + k + "/vmSlot"), int[].class);
            assertThat(windows.at("/windows/" + k + "/hostsUsed").asInt())
                    .isLessThanOrEqualTo(plan.get("hostsUsed").asInt());
        }
        Instant start = w.grid().start();
        for (int t = 0; t < p.steps(); t++) {
            int hour =
                    (int) (start.plusSeconds((long) t * w.grid().stepSeconds()).getEpochSecond() % 86_400 / 3600);
            int k = hour >= 20 ? 2 : hour >= 8 ? 1 : 0;
            withinCapacity(p, slots[k], t);
        }
        // the day starts in window 0 (reached from the plan's placement), then 8:00 and 20:00 begin windows 1 and 2
        assertThat(windows.at("/windows/0/migrationsIn").asInt()).isEqualTo(moved(planned, slots[0]));
        assertThat(windows.at("/windows/1/migrationsIn").asInt()).isEqualTo(moved(slots[0], slots[1]));
        assertThat(windows.at("/windows/2/migrationsIn").asInt()).isEqualTo(moved(slots[1], slots[2]));
        int replayed = moved(slots[0], slots[1]) + moved(slots[1], slots[2]);
        JsonNode sim = SolvedPlans.awaitSimulation(http, id, "");
        assertThat(sim.at("/summary/migrations").asInt()).isEqualTo(replayed);

        JsonNode actions = http.getForObject("/api/v1/plans/" + id + "/windows/1/actions", JsonNode.class);
        assertThat(actions.at("/totals/migrations").asInt()).isGreaterThanOrEqualTo(moved(slots[0], slots[1]));
        assertThat(http.getForEntity("/api/v1/plans/" + id + "/windows/3/actions", JsonNode.class)
                        .getStatusCode())
                .isEqualTo(HttpStatus.BAD_REQUEST);
        storedOnceAndReadBack(UUID.fromString(id), windows, actions);
    }

    /**
     * The windows and their action plans were stored when the plan finished (V100 plan_windows) and are what the
     * endpoints answer; a plan without them (finished before V100) computes the same once at its first read and
     * stores it; reads do not recompute: with the stored request's windows changed, the stored ones still answer.
     */
    private void storedOnceAndReadBack(UUID id, JsonNode windows, JsonNode windowOneActions) throws Exception {
        String location = "/api/v1/plans/" + id + "/windows";
        JsonNode stored = json.readTree(
                jdbc.queryForObject("select schedule::text from plan_windows where plan_id = ?", String.class, id));
        for (int k = 0; k < 3; k++)
            assertThat(stored.at("/vmSlot/" + k)).isEqualTo(windows.at("/windows/" + k + "/vmSlot"));
        assertThat(json.readTree(jdbc.queryForObject(
                        "select (actions -> 1)::text from plan_windows where plan_id = ?", String.class, id)))
                .isEqualTo(windowOneActions);

        jdbc.update("delete from plan_windows where plan_id = ?", id);
        assertThat(http.getForObject(location, JsonNode.class)).isEqualTo(windows);
        assertThat(jdbc.queryForObject("select count(*) from plan_windows where plan_id = ?", Integer.class, id))
                .isOne();
        assertThat(http.getForObject(location + "/1/actions", JsonNode.class)).isEqualTo(windowOneActions);

        // recomputed, these hours would give two windows and other placements
        jdbc.update(
                "update plans set request = jsonb_set(request, '{timeWindows,startHours}', '[6, 18]') where id = ?",
                id);
        assertThat(http.getForObject(location, JsonNode.class)).isEqualTo(windows);
        assertThat(http.getForObject(location + "/1/actions", JsonNode.class)).isEqualTo(windowOneActions);
        assertThat(http.getForEntity(location + "/2/actions", JsonNode.class).getStatusCode())
                .isEqualTo(HttpStatus.OK);
    }

    @Test
    void aCapOfZeroKeepsThePlansPlacementAllDay() throws Exception {
        JsonNode plan = plan(upload(), 0);
        String id = plan.get("id").asText();
        JsonNode windows = http.getForObject("/api/v1/plans/" + id + "/windows", JsonNode.class);
        for (JsonNode window : windows.get("windows")) {
            // the plan's placement fits every step: no window overloads it, and no host may be emptied
            assertThat(window.get("migrationsIn").asInt()).isZero();
            assertThat(window.get("hostsUsed").asInt())
                    .isEqualTo(plan.get("hostsUsed").asInt());
        }
        Map<String, Object> bad = new HashMap<>();
        bad.put("workloadId", plan.at("/request/workloadId").asText());
        bad.put("hostPool", List.of(Map.of("model", "dell-r6515", "count", 4)));
        bad.put("virtualization", "HARDWARE_ASSISTED");
        bad.put("timeWindows", Map.of("startHours", List.of(8, 8)));
        ResponseEntity<JsonNode> refused = http.postForEntity("/api/v1/plans", bad, JsonNode.class);
        assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(refused.getBody().toString()).contains("timeWindows.startHours[1]");
        bad.put("timeWindows", Map.of("startHours", List.of(24)));
        assertThat(http.postForEntity("/api/v1/plans", bad, JsonNode.class)
                        .getBody()
                        .toString())
                .contains("timeWindows.startHours[0]");
    }

    private static int moved(int[] from, int[] to) {
        int n = 0;
        for (int v = 0; v < from.length; v++) if (from[v] != to[v]) n++;
        return n;
    }

    private static void withinCapacity(PlanningProblem p, int[] slotOf, int t) {
        Map<Integer, double[]> load = new HashMap<>();
        for (int v = 0; v < slotOf.length; v++) {
            double[] l = load.computeIfAbsent(slotOf[v], s -> new double[p.rows()]);
            for (int r = 0; r < p.rows(); r++) l[r] += p.demand()[r][v][t];
        }
        load.forEach((s, l) -> {
            for (int r = 0; r < p.rows(); r++)
                assertThat(l[r])
                        .as("slot %d %s step %d", s, p.rowName(r), t)
                        .isLessThanOrEqualTo(p.slots().get(s).capacity()[r] * (1 + 1e-6) + 1e-6);
        });
    }
}
