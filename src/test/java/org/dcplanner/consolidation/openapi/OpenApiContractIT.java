package org.dcplanner.consolidation.openapi;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.dcplanner.consolidation.PostgresIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.io.FileSystemResource;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.LinkedMultiValueMap;

/**
 * The OpenAPI document is the API: every call below (a success and the usual errors of each endpoint) must answer
 * a status the document lists for that operation, with a media type it lists for that status; and every operation
 * the document lists must be called here, so a new endpoint without a call (or a drifted description) fails.
 */
class OpenApiContractIT extends PostgresIntegrationTest {
    private static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    private static final Path SAMPLES = Path.of("sample-workloads");

    @Autowired
    TestRestTemplate http;

    /** One request: the documented operation it exercises is {@code method template}. */
    private record Call(HttpMethod method, String template, String path, Object body, String accept) {
        String operation() {
            return method.name() + " " + template;
        }
    }

    private final List<Call> calls = new ArrayList<>();

    private void call(HttpMethod method, String template, String path, Object body, String accept) {
        calls.add(new Call(method, template, path, body, accept));
    }

    private void call(HttpMethod method, String template, String path) {
        call(method, template, path, null, "application/json");
    }

    @Test
    void everyOperationAnswersOnlyWhatTheDocumentSays() {
        JsonNode doc = http.getForObject("/v3/api-docs", JsonNode.class);
        assertThat(doc.at("/info/title").asText()).isEqualTo("Consolidation planner API");
        assertThat(doc.at("/info/version").asText()).isNotBlank().isNotEqualTo("v0");

        UUID workload = upload("generic-small.csv", "inventory-small.csv");
        UUID spare = upload("planetlab-small.zip", null);
        String plan = "/api/v1/plans/" + solvedPlan(workload);
        UUID unknown = UUID.randomUUID();

        String w = "/api/v1/workloads";
        call(HttpMethod.POST, w, w, multipart("generic-small.csv", "inventory-small.csv"), "application/json");
        call(HttpMethod.POST, w, w, multipart("malformed-example.csv", null), "application/json");
        call(HttpMethod.GET, w, w);
        call(HttpMethod.GET, w + "/{id}", w + "/" + workload);
        call(HttpMethod.GET, w + "/{id}", w + "/" + unknown);
        call(HttpMethod.GET, w + "/{id}/vms", w + "/" + workload + "/vms?page=0&size=5&sort=cpuPeak,desc");
        call(HttpMethod.GET, w + "/{id}/vms/{vm}/series", w + "/" + workload + "/vms/0/series");
        call(HttpMethod.GET, w + "/{id}/vms/{vm}/series", w + "/" + workload + "/vms/no-such-vm/series");
        call(HttpMethod.GET, w + "/{id}/aggregate", w + "/" + workload + "/aggregate");
        call(HttpMethod.GET, w + "/{id}/estate", w + "/" + workload + "/estate");
        call(HttpMethod.GET, w + "/{id}/estate", w + "/" + unknown + "/estate");
        String pull = w + "/prometheus"; // a closed port: the pull is accepted, then fails in the background
        call(
                HttpMethod.POST,
                pull,
                pull,
                Map.of(
                        "url",
                        "http://127.0.0.1:9",
                        "start",
                        "2026-01-05T00:00:00Z",
                        "end",
                        "2026-01-05T01:00:00Z",
                        "queries",
                        Map.of("cpuPercent", "up")),
                "application/json");
        call(HttpMethod.POST, pull, pull, Map.of("url", "ftp://example.net"), "application/json");
        call(HttpMethod.GET, pull + "/{id}", pull + "/" + unknown);
        call(HttpMethod.DELETE, w + "/{id}", w + "/" + spare);
        call(HttpMethod.DELETE, w + "/{id}", w + "/" + unknown);

        String m = "/api/v1/host-models";
        String custom = "contract-" + UUID.randomUUID().toString().substring(0, 8);
        Map<String, Object> model = new LinkedHashMap<>(Map.of(
                "id",
                custom,
                "name",
                "Contract",
                "cores",
                8,
                "coreMhz",
                2000,
                "memoryMib",
                32768,
                "diskKBps",
                50000,
                "networkKBps",
                12500,
                "rackUnits",
                1,
                "purchaseCost",
                3000));
        model.putAll(Map.of(
                "yearlyMaintenanceCost",
                100,
                "hardwareAssist",
                true,
                "powerWatts",
                List.of(50, 60, 70, 80, 90, 100, 110, 120, 130, 140, 150)));
        call(HttpMethod.GET, m, m);
        call(HttpMethod.GET, m + "/{id}", m + "/hp-ml110-g5");
        call(HttpMethod.GET, m + "/{id}", m + "/no-such-model");
        call(HttpMethod.POST, m, m, model, "application/json");
        call(HttpMethod.POST, m, m, Map.of("id", "x"), "application/json");
        call(HttpMethod.DELETE, m + "/{id}", m + "/" + custom);
        call(HttpMethod.DELETE, m + "/{id}", m + "/hp-ml110-g5");

        String p = "/api/v1/plans";
        call(HttpMethod.POST, p, p, planRequest(workload, 20, 1), "application/json");
        call(HttpMethod.POST, p, p, planRequest(workload, 1, 1), "application/json");
        call(HttpMethod.POST, p, p, Map.of("workloadId", "not-a-uuid"), "application/json");
        call(HttpMethod.GET, p, p + "?workloadId=" + workload);
        call(HttpMethod.GET, p + "/{id}", plan);
        call(HttpMethod.GET, p + "/{id}", p + "/" + unknown);
        call(HttpMethod.POST, p + "/{id}/finish", plan + "/finish", null, "application/json");
        call(HttpMethod.GET, p + "/{id}/placements", plan + "/placements");
        call(HttpMethod.GET, p + "/{id}/placements", plan + "/placements", null, "text/csv");
        call(HttpMethod.GET, p + "/{id}/explanation", plan + "/explanation");
        call(HttpMethod.GET, p + "/{id}/host-ratios", plan + "/host-ratios");
        // 409: the plan was not planned from today's placement (FromTodaysPlacementIT reads a 200)
        call(HttpMethod.GET, p + "/{id}/actions", plan + "/actions");
        call(HttpMethod.GET, p + "/{id}/actions", plan + "/actions", null, "text/csv");
        // 409: one placement for the whole day (WindowedPlanIT reads the 200s and the 400)
        call(HttpMethod.GET, p + "/{id}/windows", plan + "/windows");
        call(HttpMethod.GET, p + "/{id}/windows/{window}/actions", plan + "/windows/0/actions");
        call(HttpMethod.GET, p + "/{id}/windows/{window}/actions", plan + "/windows/0/actions", null, "text/csv");
        call(HttpMethod.GET, p + "/{id}/failover", plan + "/failover"); // 404: the plan has no HA reserve
        call(HttpMethod.GET, p + "/{id}/rules", plan + "/rules"); // 200: the solved plan has rules
        call(HttpMethod.GET, p + "/{id}/rules", p + "/" + unknown + "/rules");
        Map<String, Object> unknownRule = planRequest(workload, 20, 1);
        unknownRule.put(
                "rules",
                Map.of(
                        "hostRules",
                        List.of(Map.of(
                                "name",
                                "r",
                                "vmGroup",
                                "no-such-group",
                                "hostGroup",
                                "no-such-hosts",
                                "kind",
                                "MUST_RUN_ON"))));
        call(HttpMethod.POST, p, p, unknownRule, "application/json"); // 422 naming the unknown group

        call(
                HttpMethod.POST,
                p + "/{planId}/simulations",
                plan + "/simulations",
                Map.of("virtualization", "FULL"),
                "application/json");
        call(
                HttpMethod.POST,
                p + "/{planId}/simulations",
                p + "/" + unknown + "/simulations",
                Map.of(),
                "application/json");
        call(HttpMethod.GET, p + "/{planId}/simulations", plan + "/simulations");
        Map<String, Object> lr = Map.of("detection", "LR", "parameter", 1.2, "selection", "MMT");
        call(
                HttpMethod.POST,
                p + "/{planId}/simulations",
                plan + "/simulations",
                Map.of("policy", lr),
                "application/json");
        String s = "/api/v1/simulations";
        Map<String, Object> noPlan = Map.of(
                "workloadId",
                workload,
                "hostPool",
                List.of(Map.of("model", "hp-ml110-g5", "count", 4)),
                "policy",
                lr,
                "start",
                "PABFD");
        call(HttpMethod.POST, s, s, noPlan, "application/json");
        call(
                HttpMethod.POST,
                s,
                s,
                Map.of(
                        "workloadId",
                        workload,
                        "hostPool",
                        List.of(Map.of("model", "hp-ml110-g5", "count", 4)),
                        "policy",
                        Map.of("detection", "LR", "parameter", 9, "selection", "MMT")),
                "application/json");
        String policyRun = http.postForEntity(s, noPlan, JsonNode.class)
                .getBody()
                .get("id")
                .asText();
        call(HttpMethod.GET, s + "/{id}", s + "/" + policyRun);
        call(HttpMethod.GET, s + "/{id}", s + "/" + unknown);
        call(HttpMethod.GET, s, s + "?workloadId=" + workload);
        call(HttpMethod.GET, p + "/{planId}/simulation", plan + "/simulation?hostLimit=5&vmSize=5");
        call(HttpMethod.GET, p + "/{planId}/simulation", plan + "/simulation?hostLimit=-1");
        call(HttpMethod.GET, p + "/{planId}/simulation/hosts/{host}", plan + "/simulation/hosts/0");
        call(HttpMethod.GET, p + "/{planId}/simulation/vms/{vm}", plan + "/simulation/vms/0");
        for (String type : List.of("application/json", "text/csv", XLSX)) {
            call(
                    HttpMethod.GET,
                    p + "/{planId}/simulation/host-summary",
                    plan + "/simulation/host-summary",
                    null,
                    type);
            call(HttpMethod.GET, p + "/{planId}/savings", plan + "/savings", null, type);
        }
        call(HttpMethod.GET, p + "/{planId}/simulations/comparison", plan + "/simulations/comparison");
        call(HttpMethod.GET, p + "/{planId}/savings", plan + "/savings?noSuchAssumption=1");
        call(
                HttpMethod.PUT,
                p + "/{planId}/savings-assumptions",
                plan + "/savings-assumptions",
                Map.of("pue", 1.3),
                "application/json");
        call(
                HttpMethod.PUT,
                p + "/{planId}/savings-assumptions",
                plan + "/savings-assumptions",
                Map.of("pue", 0.5),
                "application/json");
        call(HttpMethod.GET, p + "/{planId}/savings-assumptions", plan + "/savings-assumptions");
        call(
                HttpMethod.PUT,
                p + "/{planId}/current-servers",
                plan + "/current-servers",
                new TextCsv("name,count,averageWatts,peakWatts,rackUnits\nold-1u,10,120,200,1\n"),
                "application/json");
        call(HttpMethod.GET, p + "/{planId}/current-servers", plan + "/current-servers");
        call(HttpMethod.DELETE, p + "/{planId}/current-servers", plan + "/current-servers");
        // out of sample: a replay on another upload of the trace (its run read back), a bad window, a window with no
        // step
        UUID copy = upload("generic-small.csv", "inventory-small.csv");
        ResponseEntity<JsonNode> replay =
                http.postForEntity(plan + "/simulations", Map.of("workloadId", copy), JsonNode.class);
        assertThat(replay.getStatusCode().value()).as("%s", replay.getBody()).isEqualTo(202);
        call(
                HttpMethod.POST,
                p + "/{planId}/simulations",
                plan + "/simulations",
                Map.of("workloadId", copy),
                "application/json");
        call(
                HttpMethod.POST,
                p + "/{planId}/simulations",
                plan + "/simulations",
                Map.of("from", "2026-01-05T12:00:00Z", "to", "2026-01-05T06:00:00Z"),
                "application/json");
        call(
                HttpMethod.POST,
                p + "/{planId}/simulations",
                plan + "/simulations",
                Map.of("from", "2030-01-01T00:00:00Z"),
                "application/json");
        call(HttpMethod.GET, p + "/{planId}/simulations/out-of-sample", plan + "/simulations/out-of-sample");
        call(
                HttpMethod.GET,
                p + "/{planId}/simulations/{runId}",
                replay.getHeaders().getLocation().toString());
        call(HttpMethod.GET, p + "/{planId}/simulations/{runId}", plan + "/simulations/" + unknown);

        // backtests and sweeps: started (one short fold), refused, listed, read, stopped or deleted
        Map<String, Object> template = planRequest(workload, 20, 1);
        template.remove("workloadId");
        Map<String, Object> backtest =
                Map.of("workloadId", workload, "plan", template, "trainingSteps", 144, "testSteps", 144);
        ResponseEntity<JsonNode> job = http.postForEntity("/api/v1/backtests", backtest, JsonNode.class);
        assertThat(job.getStatusCode().value()).as("%s", job.getBody()).isEqualTo(202);
        String b = "/api/v1/backtests";
        call(HttpMethod.POST, b, b, backtest, "application/json");
        call(HttpMethod.POST, b, b, Map.of("workloadId", workload, "plan", template), "application/json");
        call(
                HttpMethod.POST,
                b,
                b,
                Map.of("workloadId", workload, "plan", template, "trainingDays", 7),
                "application/json");
        call(HttpMethod.GET, b, b);
        call(HttpMethod.GET, b + "/{id}", job.getHeaders().getLocation().toString());
        call(HttpMethod.GET, b + "/{id}", b + "/" + unknown);
        call(HttpMethod.DELETE, b + "/{id}", job.getHeaders().getLocation().toString());
        String sw = "/api/v1/sweeps";
        Map<String, Object> sweep = Map.of(
                "workloadId",
                workload,
                "plan",
                template,
                "testWorkloadId",
                copy,
                "variants",
                List.of(Map.of("sizing", Map.of("percentile", 100))));
        ResponseEntity<JsonNode> sweepJob = http.postForEntity(sw, sweep, JsonNode.class);
        assertThat(sweepJob.getStatusCode().value())
                .as("%s", sweepJob.getBody())
                .isEqualTo(202);
        call(HttpMethod.POST, sw, sw, sweep, "application/json");
        call(HttpMethod.POST, sw, sw, Map.of("workloadId", workload, "plan", template), "application/json");
        call(HttpMethod.GET, sw, sw);
        call(HttpMethod.GET, sw + "/{id}", sweepJob.getHeaders().getLocation().toString());
        call(
                HttpMethod.DELETE,
                sw + "/{id}",
                sweepJob.getHeaders().getLocation().toString());
        call(HttpMethod.DELETE, sw + "/{id}", sw + "/" + unknown);

        call(HttpMethod.DELETE, p + "/{id}", plan);
        call(HttpMethod.DELETE, p + "/{id}", plan);

        // sign-in (the test client is a planner: users and audit answer 403)
        String token = http.postForObject("/api/v1/tokens", Map.of("name", "contract"), JsonNode.class)
                .get("id")
                .asText();
        call(HttpMethod.GET, "/api/v1/me", "/api/v1/me");
        call(HttpMethod.GET, "/api/v1/sign-in-options", "/api/v1/sign-in-options");
        call(HttpMethod.POST, "/api/v1/tokens", "/api/v1/tokens", Map.of("name", "contract call"), "application/json");
        call(HttpMethod.GET, "/api/v1/tokens", "/api/v1/tokens");
        call(HttpMethod.DELETE, "/api/v1/tokens/{id}", "/api/v1/tokens/" + token);
        call(HttpMethod.DELETE, "/api/v1/tokens/{id}", "/api/v1/tokens/" + unknown);
        call(HttpMethod.GET, "/api/v1/users", "/api/v1/users");
        call(HttpMethod.POST, "/api/v1/users", "/api/v1/users", Map.of("username", "contract"), "application/json");
        call(HttpMethod.GET, "/api/v1/audit", "/api/v1/audit");
        String user = "/api/v1/users/" + unknown;
        call(HttpMethod.GET, "/api/v1/users/{id}", user);
        call(HttpMethod.DELETE, "/api/v1/users/{id}", user);
        for (String action : List.of("disable", "enable", "unlock")) {
            call(HttpMethod.POST, "/api/v1/users/{id}/" + action, user + "/" + action, null, "application/json");
        }
        // the right current password and a new one below the policy: 400 naming newPassword, nothing changed
        call(
                HttpMethod.PUT,
                "/api/v1/me/password",
                "/api/v1/me/password",
                Map.of("currentPassword", org.dcplanner.consolidation.TestUsers.PASSWORD, "newPassword", "short"),
                "application/json");

        TreeSet<String> covered = new TreeSet<>();
        TreeSet<String> statuses = new TreeSet<>();
        List<String> drift = new ArrayList<>();
        for (Call c : calls) {
            ResponseEntity<byte[]> r = exchange(c);
            String status = String.valueOf(r.getStatusCode().value());
            statuses.add(status);
            JsonNode operation =
                    doc.path("paths").path(c.template()).path(c.method().name().toLowerCase());
            covered.add(c.operation());
            if (operation.isMissingNode()) {
                drift.add(c.operation() + ": not in the document");
                continue;
            }
            JsonNode response = operation.path("responses").path(status);
            if (response.isMissingNode()) {
                drift.add(c.operation() + " (" + c.path() + ", Accept " + c.accept() + "): answered " + status
                        + ", documented " + fieldNames(operation.path("responses")));
                continue;
            }
            MediaType type = r.getHeaders().getContentType();
            boolean hasBody = r.getBody() != null && r.getBody().length > 0;
            if (hasBody && type != null) {
                String bare = type.getType() + "/" + type.getSubtype();
                if (!response.path("content").has(bare)) {
                    drift.add(c.operation() + " " + status + ": answered " + bare + ", documented "
                            + fieldNames(response.path("content")));
                }
            }
            if (status.equals("202") || status.equals("201")) {
                if (r.getHeaders().getLocation() == null)
                    drift.add(c.operation() + " " + status + ": no Location header");
                else if (!response.path("headers").has("Location"))
                    drift.add(c.operation() + " " + status + ": Location not documented");
            }
        }
        TreeSet<String> documented = new TreeSet<>();
        doc.path("paths")
                .fields()
                .forEachRemaining(e -> e.getValue().fieldNames().forEachRemaining(method -> {
                    if (List.of("get", "post", "put", "delete", "patch").contains(method))
                        documented.add(method.toUpperCase() + " " + e.getKey());
                }));
        TreeSet<String> uncalled = new TreeSet<>(documented);
        uncalled.removeAll(covered);
        assertThat(drift).as("answers the document does not describe").isEmpty();
        // the calls reach the success and the error paths, not only 200s
        assertThat(statuses).contains("200", "201", "202", "204", "400", "403", "404", "409", "422");
        assertThat(uncalled)
                .as("documented operations this test never calls (add a call)")
                .isEmpty();
    }

    private record TextCsv(String text) {}

    private ResponseEntity<byte[]> exchange(Call c) {
        HttpHeaders headers = new HttpHeaders();
        headers.setAccept(List.of(MediaType.parseMediaType(c.accept())));
        Object body = c.body();
        if (body instanceof TextCsv csv) {
            headers.setContentType(MediaType.parseMediaType("text/csv"));
            body = csv.text();
        } else if (body instanceof LinkedMultiValueMap) {
            headers.setContentType(MediaType.MULTIPART_FORM_DATA);
        } else if (body != null) {
            headers.setContentType(MediaType.APPLICATION_JSON);
        }
        return http.exchange(c.path(), c.method(), new HttpEntity<>(body, headers), byte[].class);
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }

    private static LinkedMultiValueMap<String, Object> multipart(String trace, String inventory) {
        LinkedMultiValueMap<String, Object> form = new LinkedMultiValueMap<>();
        form.add("file", new FileSystemResource(SAMPLES.resolve(trace)));
        if (inventory != null) form.add("inventory", new FileSystemResource(SAMPLES.resolve(inventory)));
        return form;
    }

    private UUID upload(String trace, String inventory) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.MULTIPART_FORM_DATA);
        ResponseEntity<JsonNode> r = http.postForEntity(
                "/api/v1/workloads", new HttpEntity<>(multipart(trace, inventory), headers), JsonNode.class);
        assertThat(r.getStatusCode().value()).as("%s", r.getBody()).isEqualTo(201);
        return UUID.fromString(r.getBody().get("id").asText());
    }

    private static Map<String, Object> planRequest(UUID workload, int hosts, int seconds) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("workloadId", workload);
        body.put("hostPool", List.of(Map.of("model", "dell-r6515", "count", hosts)));
        body.put("resources", List.of("CPU", "MEMORY"));
        body.put("sizing", Map.of("percentile", 95, "headroomPercent", 10));
        body.put("virtualization", "HARDWARE_ASSISTED");
        body.put("timeLimitSeconds", seconds);
        return body;
    }

    private UUID solvedPlan(UUID workload) {
        Map<String, Object> request = planRequest(workload, 20, 2);
        request.put(
                "rules",
                Map.of(
                        "hostGroups", List.of(Map.of("name", "first-ten", "poolEntries", List.of(0))),
                        "hostRules",
                                List.of(Map.of(
                                        "name",
                                        "web15-on-pool",
                                        "vmGroup",
                                        "web-0015",
                                        "hostGroup",
                                        "first-ten",
                                        "kind",
                                        "SHOULD_RUN_ON"))));
        ResponseEntity<JsonNode> r = http.postForEntity("/api/v1/plans", request, JsonNode.class);
        assertThat(r.getStatusCode().value()).as("%s", r.getBody()).isEqualTo(202);
        String id = r.getBody().get("id").asText();
        Awaitility.await()
                .atMost(Duration.ofSeconds(120))
                .pollInterval(Duration.ofMillis(500))
                .until(() -> "COMPLETED"
                        .equals(http.getForObject("/api/v1/plans/" + id, JsonNode.class)
                                .get("status")
                                .asText()));
        Awaitility.await()
                .atMost(Duration.ofSeconds(120))
                .pollInterval(Duration.ofMillis(500))
                .until(() -> {
                    ResponseEntity<JsonNode> s =
                            http.getForEntity("/api/v1/plans/" + id + "/simulation", JsonNode.class);
                    return s.getStatusCode().is2xxSuccessful()
                            && "COMPLETED".equals(s.getBody().get("status").asText());
                });
        return UUID.fromString(id);
    }
}
