package org.dcplanner.consolidation.backtest.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.dcplanner.consolidation.PostgresIntegrationTest;
import org.dcplanner.consolidation.simulation.internal.SolvedPlans;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/**
 * Out-of-sample replays, backtests and sweeps on the real application: a plan fitted to one workload or
 * window is replayed on another, and the figures equal a count made here from the placement and the series.
 */
class BacktestIT extends PostgresIntegrationTest {
    private static final Set<String> FINAL = Set.of("COMPLETED", "FAILED", "CANCELLED");
    private static final double G5_MHZ = 5320;

    @Autowired
    TestRestTemplate http;

    /** Plan request template: hp-ml110-g5 hosts, CPU only, p100, overhead in the trace (host CPU = sum of series). */
    static Map<String, Object> template() {
        Map<String, Object> body = new HashMap<>();
        body.put("hostPool", List.of(Map.of("model", "hp-ml110-g5", "count", 6)));
        body.put("resources", List.of("CPU"));
        body.put("sizing", Map.of("percentile", 100, "headroomPercent", 0, "overheadInTrace", true));
        body.put("virtualization", "FULL");
        body.put("timeLimitSeconds", 1);
        return body;
    }

    private UUID plan(UUID workload, String from, String to) {
        Map<String, Object> body = template();
        body.put("workloadId", workload);
        if (from != null) body.put("from", from);
        if (to != null) body.put("to", to);
        ResponseEntity<JsonNode> accepted = http.postForEntity("/api/v1/plans", body, JsonNode.class);
        assertThat(accepted.getStatusCode()).as("%s", accepted.getBody()).isEqualTo(HttpStatus.ACCEPTED);
        return UUID.fromString(
                SolvedPlans.awaitPlan(http, accepted.getHeaders().getLocation().toString())
                        .get("id")
                        .asText());
    }

    private JsonNode awaitFinal(String location, int seconds) {
        JsonNode[] last = new JsonNode[1];
        Awaitility.await()
                .atMost(Duration.ofSeconds(seconds))
                .pollInterval(Duration.ofMillis(300))
                .until(() -> {
                    last[0] = http.getForObject(location, JsonNode.class);
                    return FINAL.contains(last[0].get("status").asText());
                });
        return last[0];
    }

    @Test
    void replayOnAnotherWorkloadMatchesACountFromThePlacement() {
        Map<String, float[]> dayA = new LinkedHashMap<>();
        for (String vm : List.of("a", "b", "c", "e")) dayA.put(vm, NamedCsv.flat(4, 2600));
        UUID a = NamedCsv.upload(http, "oos day A", dayA);
        Map<String, float[]> dayB = new LinkedHashMap<>();
        dayB.put("a", new float[] {3000, 1000, 3000, 2600});
        dayB.put("b", new float[] {3000, 3000, 1000, 2600});
        dayB.put("c", new float[] {2900, 2000, 3000, 2800});
        dayB.put("d", NamedCsv.flat(4, 100));
        UUID b = NamedCsv.upload(http, "oos day B", dayB);
        UUID plan = plan(a, null, null);

        ResponseEntity<JsonNode> accepted =
                http.postForEntity("/api/v1/plans/" + plan + "/simulations", Map.of("workloadId", b), JsonNode.class);
        assertThat(accepted.getStatusCode()).as("%s", accepted.getBody()).isEqualTo(HttpStatus.ACCEPTED);
        String location = accepted.getHeaders().getLocation().toString();
        assertThat(location).startsWith("/api/v1/plans/" + plan + "/simulations/");
        JsonNode run = awaitFinal(location, 60);
        assertThat(run.get("status").asText()).as("%s", run).isEqualTo("COMPLETED");
        JsonNode result = run.get("result");
        assertThat(result.get("inSample").asBoolean()).isFalse();
        assertThat(result.get("workloadId").asText()).isEqualTo(b.toString());
        assertThat(texts(result.get("unplacedVms"))).containsExactly("d");
        assertThat(texts(result.get("missingPlanVms"))).containsExactly("e");
        assertThat(result.get("replayedVms").asInt()).isEqualTo(3);
        assertThat(result.get("resources").has("MEMORY")).isFalse();
        assertThat(result.get("otherResources").has("MEMORY")).isTrue();

        // independent count: host CPU = sum of the day-B series of the VMs the placement CSV puts on it
        Map<String, Integer> slotOf = new HashMap<>();
        String csv = http.exchange(
                        "/api/v1/plans/" + plan + "/placements",
                        HttpMethod.GET,
                        new org.springframework.http.HttpEntity<>(acceptCsv()),
                        String.class)
                .getBody();
        for (String line : csv.strip().split("\n")) {
            String[] f = line.strip().split(",");
            if (!f[0].equals("vm")) slotOf.put(f[1], Integer.parseInt(f[2]));
        }
        Map<Integer, float[]> hostSum = new HashMap<>();
        dayB.forEach((vm, series) -> {
            Integer slot = slotOf.get(vm);
            if (slot == null) return;
            float[] sum = hostSum.computeIfAbsent(slot, k -> new float[4]);
            for (int t = 0; t < 4; t++) sum[t] += series[t];
        });
        int over = 0;
        double worst = 0;
        for (float[] sum : hostSum.values()) {
            for (float x : sum) {
                if (x > G5_MHZ * (1 + 1e-6)) over++;
                worst = Math.max(worst, x / G5_MHZ);
            }
        }
        JsonNode cpu = result.get("resources").get("CPU");
        assertThat(cpu.get("hostSteps").asInt()).isEqualTo(hostSum.size() * 4);
        assertThat(cpu.get("hostStepsOverCapacity").asInt()).isEqualTo(over);
        assertThat(cpu.get("worstOverloadPercent").asDouble())
                .isCloseTo(over == 0 ? 0 : (worst - 1) * 100, within(1e-3));
        assertThat(over)
                .as("the fixture overloads the host that holds two of a, b, c")
                .isPositive();

        JsonNode list = http.getForObject("/api/v1/plans/" + plan + "/simulations/out-of-sample", JsonNode.class);
        assertThat(list).hasSize(1);
    }

    @Test
    void planOnAWindowAndReplayOnTheNext() {
        float[] rising = {2600, 2600, 2600, 2600, 3000, 3000, 3000, 3000};
        UUID w = NamedCsv.upload(http, "oos window", Map.of("x", rising, "y", rising.clone()));
        String t4 = NamedCsv.START.plusSeconds(4 * 300).toString();
        UUID plan = plan(w, null, t4);
        JsonNode planView = http.getForObject("/api/v1/plans/" + plan, JsonNode.class);
        assertThat(planView.get("steps").asInt())
                .as("planned on the window only")
                .isEqualTo(4);
        assertThat(planView.get("hostsUsed").asInt()).isEqualTo(1);

        ResponseEntity<JsonNode> accepted =
                http.postForEntity("/api/v1/plans/" + plan + "/simulations", Map.of("from", t4), JsonNode.class);
        JsonNode result =
                awaitFinal(accepted.getHeaders().getLocation().toString(), 60).get("result");
        assertThat(result.get("inSample").asBoolean()).isFalse();
        assertThat(result.get("steps").asInt()).isEqualTo(4);
        JsonNode cpu = result.get("resources").get("CPU");
        assertThat(cpu.get("hostStepsOverCapacity").asInt()).isEqualTo(4);
        assertThat(cpu.get("hostStepsOverPercent").asDouble()).isCloseTo(100, within(1e-9));
        assertThat(cpu.get("vmsThatSawOverload").asInt()).isEqualTo(2);
        assertThat(cpu.get("overloadMinutes").asDouble()).isCloseTo(20, within(1e-9));
        assertThat(cpu.get("worstOverloadPercent").asDouble()).isCloseTo((6000 / G5_MHZ - 1) * 100, within(1e-3));

        // its own training window is in sample and fits
        JsonNode own = awaitFinal(
                        http.postForEntity("/api/v1/plans/" + plan + "/simulations", Map.of("to", t4), JsonNode.class)
                                .getHeaders()
                                .getLocation()
                                .toString(),
                        60)
                .get("result");
        assertThat(own.get("inSample").asBoolean()).isTrue();
        assertThat(own.get("resources").get("CPU").get("hostStepsOverCapacity").asInt())
                .isZero();
    }

    @Test
    void badRequestsAreProblemsNamingTheField() {
        UUID w = NamedCsv.upload(http, "oos bad", Map.of("x", NamedCsv.flat(4, 100)));
        UUID plan = plan(w, null, null);
        String url = "/api/v1/plans/" + plan + "/simulations";
        ResponseEntity<JsonNode> r = http.postForEntity(
                url, Map.of("from", "2026-01-05T01:00:00Z", "to", "2026-01-05T00:00:00Z"), JsonNode.class);
        assertThat(r.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(r.getBody().get("field").asText()).isEqualTo("to");
        r = http.postForEntity(url, Map.of("workloadId", UUID.randomUUID()), JsonNode.class);
        assertThat(r.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        r = http.postForEntity(url, Map.of("from", "2027-01-01T00:00:00Z"), JsonNode.class);
        assertThat(r.getStatusCode()).isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
        assertThat(r.getBody().get("field").asText()).isEqualTo("from");
        UUID other = NamedCsv.upload(http, "oos nobody shared", Map.of("zz", NamedCsv.flat(4, 100)));
        r = http.postForEntity(url, Map.of("workloadId", other), JsonNode.class);
        assertThat(r.getStatusCode()).isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
        assertThat(r.getBody().get("type").asText()).endsWith("no-shared-vms");

        r = http.postForEntity("/api/v1/backtests", Map.of("workloadId", w, "plan", template()), JsonNode.class);
        assertThat(r.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(r.getBody().get("field").asText()).isEqualTo("trainingDays");
        r = http.postForEntity(
                "/api/v1/backtests", Map.of("workloadId", w, "plan", template(), "trainingDays", 7), JsonNode.class);
        assertThat(r.getStatusCode()).isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
        assertThat(r.getBody().get("type").asText()).endsWith("workload-too-short");
        r = http.postForEntity(
                "/api/v1/backtests",
                Map.of("workloadId", w, "plan", template(), "trainingSteps", 2, "maxFolds", 0),
                JsonNode.class);
        assertThat(r.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(r.getBody().get("field").asText()).isEqualTo("maxFolds");
        // a misspelt sizing option is refused, not silently planned with the default
        r = http.postForEntity(
                "/api/v1/sweeps",
                Map.of(
                        "workloadId",
                        w,
                        "plan",
                        template(),
                        "testWorkloadId",
                        w,
                        "variants",
                        List.of(Map.of("sizing", Map.of("percentil", 99)))),
                JsonNode.class);
        assertThat(r.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(r.getBody().get("field").asText()).isEqualTo("variants[0].sizing.percentil");
    }

    @Test
    void rollingBacktestReportsEveryFoldAndTotals() {
        float[] s = {2000, 2000, 2000, 2000, 2600, 2600, 2800, 2800, 2000, 2000};
        UUID w = NamedCsv.upload(http, "oos backtest", Map.of("p", s, "q", s.clone(), "r", s.clone()));
        Map<String, Object> body = Map.of(
                "name",
                "it backtest",
                "workloadId",
                w,
                "plan",
                template(),
                "trainingSteps",
                4,
                "testSteps",
                2,
                "stepSteps",
                2);
        ResponseEntity<JsonNode> accepted = http.postForEntity("/api/v1/backtests", body, JsonNode.class);
        assertThat(accepted.getStatusCode()).as("%s", accepted.getBody()).isEqualTo(HttpStatus.ACCEPTED);
        assertThat(accepted.getBody().get("foldsTotal").asInt()).isEqualTo(3);
        String location = accepted.getHeaders().getLocation().toString();
        JsonNode done = awaitFinal(location, 180);
        assertThat(done.get("status").asText()).as("%s", done).isEqualTo("COMPLETED");
        assertThat(done.get("foldsDone").asInt()).isEqualTo(3);
        for (JsonNode fold : done.get("folds")) {
            assertThat(fold.get("status").asText()).as("%s", fold).isEqualTo("COMPLETED");
            assertThat(fold.get("hosts").asInt()).isPositive();
            assertThat(fold.get("inSample").get("inSample").asBoolean()).isTrue();
            assertThat(fold.get("outOfSample").get("inSample").asBoolean()).isFalse();
            assertThat(fold.get("outOfSample").get("steps").asInt()).isEqualTo(2);
            assertThat(fold.get("inSample")
                            .get("resources")
                            .get("CPU")
                            .get("hostStepsOverCapacity")
                            .asInt())
                    .isZero();
        }
        // fold 0 trains on 2000 MHz (two VMs per host) and is tested on 2600 (2 x 2600 = 5200 fits), fold 1 on 2800
        // (over)
        assertThat(done.get("folds")
                        .get(1)
                        .get("outOfSample")
                        .get("resources")
                        .get("CPU")
                        .get("hostStepsOverCapacity")
                        .asInt())
                .isPositive();
        JsonNode total = done.get("totals").get("outOfSample").get("CPU");
        long sum = 0;
        for (JsonNode fold : done.get("folds"))
            sum += fold.get("outOfSample")
                    .get("resources")
                    .get("CPU")
                    .get("hostStepsOverCapacity")
                    .asLong();
        assertThat(total.get("hostStepsOverCapacity").asLong()).isEqualTo(sum);

        // a finished backtest is deleted with its folds' plans
        String planOfFold0 = done.get("folds").get(0).get("planId").asText();
        assertThat(http.exchange(location, HttpMethod.DELETE, null, JsonNode.class)
                        .getStatusCode())
                .isEqualTo(HttpStatus.NO_CONTENT);
        assertThat(http.getForEntity(location, JsonNode.class).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(http.getForEntity("/api/v1/plans/" + planOfFold0, JsonNode.class)
                        .getStatusCode())
                .isEqualTo(HttpStatus.NOT_FOUND);
    }

    @Test
    void stopEndsTheBacktestCancelledKeepingTheFoldsDone() {
        float[] s = new float[24];
        java.util.Arrays.fill(s, 2000);
        UUID w = NamedCsv.upload(http, "oos stop", Map.of("p", s, "q", s.clone()));
        Map<String, Object> plan = template();
        plan.put("timeLimitSeconds", 3);
        ResponseEntity<JsonNode> accepted = http.postForEntity(
                "/api/v1/backtests",
                Map.of("workloadId", w, "plan", plan, "trainingSteps", 4, "testSteps", 1),
                JsonNode.class);
        assertThat(accepted.getStatusCode()).as("%s", accepted.getBody()).isEqualTo(HttpStatus.ACCEPTED);
        String location = accepted.getHeaders().getLocation().toString();
        int total = accepted.getBody().get("foldsTotal").asInt();
        assertThat(total).isEqualTo(20);
        Awaitility.await()
                .atMost(Duration.ofSeconds(120))
                .pollInterval(Duration.ofMillis(300))
                .until(() -> http.getForObject(location, JsonNode.class)
                                .get("foldsDone")
                                .asInt()
                        >= 1);
        ResponseEntity<JsonNode> stop = http.exchange(location, HttpMethod.DELETE, null, JsonNode.class);
        assertThat(stop.getStatusCode()).isEqualTo(HttpStatus.ACCEPTED);
        assertThat(stop.getBody().get("cancelRequested").asBoolean()).isTrue();
        JsonNode done = awaitFinal(location, 120);
        assertThat(done.get("status").asText()).isEqualTo("CANCELLED");
        assertThat(done.get("foldsDone").asInt()).isBetween(1, total - 1);
        assertThat(done.get("folds").get(total - 1).get("status").asText()).isEqualTo("CANCELLED");
        assertThat(done.get("folds").get(0).get("status").asText()).isEqualTo("COMPLETED");
    }

    @Test
    void sweepPlansEachVariantAndReplaysItOnHeldOutData() {
        float[] train = {2000, 2600, 2000, 2600, 2000, 2600};
        float[] test = {2700, 2700};
        float[] all = new float[8];
        System.arraycopy(train, 0, all, 0, 6);
        System.arraycopy(test, 0, all, 6, 2);
        UUID w = NamedCsv.upload(http, "oos sweep", Map.of("u", all, "v", all.clone()));
        String t6 = NamedCsv.START.plusSeconds(6 * 300).toString();
        List<Map<String, Object>> variants = new ArrayList<>();
        variants.add(Map.of("label", "p100", "sizing", Map.of("percentile", 100)));
        variants.add(Map.of("label", "p100 + 10 %", "sizing", Map.of("percentile", 100, "headroomPercent", 10)));
        Map<String, Object> body =
                Map.of("workloadId", w, "to", t6, "plan", template(), "variants", variants, "testFrom", t6);
        ResponseEntity<JsonNode> accepted = http.postForEntity("/api/v1/sweeps", body, JsonNode.class);
        assertThat(accepted.getStatusCode()).as("%s", accepted.getBody()).isEqualTo(HttpStatus.ACCEPTED);
        JsonNode done = awaitFinal(accepted.getHeaders().getLocation().toString(), 180);
        assertThat(done.get("status").asText()).as("%s", done).isEqualTo("COMPLETED");
        JsonNode p100 = done.get("folds").get(0);
        JsonNode headroom = done.get("folds").get(1);
        assertThat(p100.get("label").asText()).isEqualTo("p100");
        assertThat(p100.get("hosts").asInt()).isEqualTo(1);
        assertThat(headroom.get("hosts").asInt()).as("2 x 2600 x 1.1 > 5320").isEqualTo(2);
        assertThat(p100.get("outOfSample")
                        .get("resources")
                        .get("CPU")
                        .get("hostStepsOverCapacity")
                        .asInt())
                .isEqualTo(2);
        assertThat(headroom.get("outOfSample")
                        .get("resources")
                        .get("CPU")
                        .get("hostStepsOverCapacity")
                        .asInt())
                .isZero();
        assertThat(headroom.get("sizing").get("headroomPercent").asDouble()).isEqualTo(10);
    }

    private static org.springframework.http.HttpHeaders acceptCsv() {
        org.springframework.http.HttpHeaders h = new org.springframework.http.HttpHeaders();
        h.setAccept(List.of(org.springframework.http.MediaType.valueOf("text/csv")));
        return h;
    }

    private static List<String> texts(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asText()));
        return out;
    }
}
