package org.dcplanner.consolidation.backtest.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
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
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The job features added beside sign-in (policy simulations, out-of-sample runs, backtests, sweeps, Prometheus
 * imports, a workload's estate) keep to the caller's workspace: another workspace's object answers 404, is not
 * listed, cannot be stopped or deleted, cannot be named as an input; a background job stores what it creates in
 * the workspace it was requested from; a viewer cannot start any of them.
 */
class WorkspaceScopedJobsIT extends PostgresIntegrationTest {
    @Autowired
    TestRestTemplate http;

    @Autowired
    JdbcTemplate jdbc;

    private TestRestTemplate other() {
        return http.withBasicAuth(TestUsers.OTHER_PLANNER, TestUsers.PASSWORD);
    }

    @Test
    void backtestRunsInItsWorkspaceAndItsFoldPlansAreStoredThere() {
        float[] s = {2000, 2000, 2000, 2000, 2600, 2600, 2800, 2800};
        UUID w = NamedCsv.upload(other(), "other backtest", Map.of("p", s, "q", s.clone()));
        ResponseEntity<JsonNode> started = other().postForEntity(
                        "/api/v1/backtests",
                        Map.of(
                                "name",
                                "other's",
                                "workloadId",
                                w,
                                "plan",
                                BacktestIT.template(),
                                "trainingSteps",
                                4,
                                "testSteps",
                                2,
                                "stepSteps",
                                2),
                        JsonNode.class);
        assertThat(started.getStatusCode()).as("%s", started.getBody()).isEqualTo(HttpStatus.ACCEPTED);
        String location = started.getHeaders().getLocation().toString();
        JsonNode done = TraceUploads.awaitFinal(other(), location, Duration.ofMinutes(5));
        assertThat(done.get("status").asText()).as("%s", done).isEqualTo("COMPLETED");
        UUID id = UUID.fromString(done.get("id").asText());

        List<String> workspaces = jdbc.queryForList(
                "select p.workspace from backtest_fold f join plans p on p.id = f.plan_id " + "where f.backtest_id = ?",
                String.class,
                id);
        assertThat(workspaces)
                .as("the fold plans, started on a job thread")
                .hasSize(2)
                .containsOnly("other");
        assertThat(jdbc.queryForObject("select workspace from backtest where id = ?", String.class, id))
                .isEqualTo("other");

        assertThat(http.getForEntity(location, String.class).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(http.getForObject("/api/v1/backtests", String.class)).doesNotContain(id.toString());
        assertThat(http.exchange(location, HttpMethod.DELETE, null, String.class)
                        .getStatusCode())
                .isEqualTo(HttpStatus.NOT_FOUND);
        for (JsonNode fold : done.get("folds")) {
            assertThat(http.getForEntity("/api/v1/plans/" + fold.get("planId").asText(), String.class)
                            .getStatusCode())
                    .isEqualTo(HttpStatus.NOT_FOUND);
        }
        ResponseEntity<String> own = other().getForEntity("/api/v1/backtests?page=0&size=1000", String.class);
        assertThat(own.getBody()).contains(id.toString());
        assertThat(Long.parseLong(own.getHeaders().getFirst("X-Total-Count"))).isPositive();
        // a backtest or sweep on another workspace's workload: 404 naming the field
        Map<String, Object> foreign =
                Map.of("workloadId", w, "plan", BacktestIT.template(), "trainingSteps", 4, "testSteps", 2);
        assertThat(http.postForEntity("/api/v1/backtests", foreign, String.class)
                        .getStatusCode())
                .isEqualTo(HttpStatus.NOT_FOUND);
        Map<String, Object> sweep = Map.of(
                "workloadId",
                w,
                "plan",
                BacktestIT.template(),
                "testWorkloadId",
                w,
                "variants",
                List.of(Map.of("label", "a")));
        assertThat(http.postForEntity("/api/v1/sweeps", sweep, String.class).getStatusCode())
                .isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(other().exchange(location, HttpMethod.DELETE, null, String.class)
                        .getStatusCode())
                .isEqualTo(HttpStatus.NO_CONTENT);
    }

    @Test
    void policyAndOutOfSampleRunsAndTheEstateAre404ToAnotherWorkspace() {
        UUID workload =
                NamedCsv.upload(http, "scoped jobs", Map.of("a", NamedCsv.flat(4, 1000), "b", NamedCsv.flat(4, 1500)));
        ResponseEntity<JsonNode> policy = http.postForEntity(
                "/api/v1/simulations",
                Map.of(
                        "workloadId",
                        workload,
                        "hostPool",
                        List.of(Map.of("model", "hp-ml110-g5", "count", 2)),
                        "policy",
                        Map.of("detection", "THR", "parameter", 0.8, "selection", "MMT")),
                JsonNode.class);
        assertThat(policy.getStatusCode()).as("%s", policy.getBody()).isEqualTo(HttpStatus.ACCEPTED);
        String policyRun = policy.getBody().get("id").asText();
        assertThat(jdbc.queryForObject(
                        "select workspace from policy_simulation where id = ?::uuid", String.class, policyRun))
                .isEqualTo("default");

        assertThat(other().getForEntity("/api/v1/simulations/" + policyRun, String.class)
                        .getStatusCode())
                .isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(other().getForObject("/api/v1/simulations", String.class)).doesNotContain(policyRun);
        assertThat(other().getForObject("/api/v1/simulations?workloadId=" + workload, String.class))
                .isEqualTo("[]");
        assertThat(other().postForEntity(
                                "/api/v1/simulations",
                                Map.of(
                                        "workloadId",
                                        workload,
                                        "hostPool",
                                        List.of(Map.of("model", "hp-ml110-g5", "count", 2)),
                                        "policy",
                                        Map.of("detection", "THR", "parameter", 0.8, "selection", "MMT")),
                                String.class)
                        .getStatusCode())
                .isEqualTo(HttpStatus.NOT_FOUND);
        ResponseEntity<String> own =
                http.getForEntity("/api/v1/simulations?workloadId=" + workload + "&size=1", String.class);
        assertThat(own.getBody()).contains(policyRun);
        assertThat(own.getHeaders().getFirst("X-Total-Count")).isEqualTo("1");
        assertThat(other().getForEntity("/api/v1/workloads/" + workload + "/estate", String.class)
                        .getStatusCode())
                .isEqualTo(HttpStatus.NOT_FOUND);

        UUID plan = SolvedPlans.solve(http, workload, "FULL");
        ResponseEntity<JsonNode> oos = http.postForEntity(
                "/api/v1/plans/" + plan + "/simulations", Map.of("from", "2026-01-05T00:10:00Z"), JsonNode.class);
        assertThat(oos.getStatusCode()).as("%s", oos.getBody()).isEqualTo(HttpStatus.ACCEPTED);
        String runPath = oos.getHeaders().getLocation().toString();
        for (String path : List.of(runPath, "/api/v1/plans/" + plan + "/simulations/out-of-sample")) {
            assertThat(other().getForEntity(path, String.class).getStatusCode())
                    .as(path)
                    .isEqualTo(HttpStatus.NOT_FOUND);
        }
        assertThat(other().postForEntity(
                                "/api/v1/plans/" + plan + "/simulations",
                                Map.of("from", "2026-01-05T00:10:00Z"),
                                String.class)
                        .getStatusCode())
                .isEqualTo(HttpStatus.NOT_FOUND);
        // the workload a replay is made on must be the caller's too
        UUID foreignWorkload = NamedCsv.upload(other(), "other replay target", Map.of("a", NamedCsv.flat(4, 900)));
        ResponseEntity<JsonNode> onForeign = http.postForEntity(
                "/api/v1/plans/" + plan + "/simulations", Map.of("workloadId", foreignWorkload), JsonNode.class);
        assertThat(onForeign.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(onForeign.getBody().get("field").asText()).isEqualTo("workloadId");
        assertThat(http.getForEntity(runPath, String.class).getStatusCode()).isEqualTo(HttpStatus.OK);
    }

    @Test
    void prometheusImportIsReadOnlyInItsWorkspace() {
        // nothing listens on port 9 of 127.0.0.1: the import fails, its row stays readable in its workspace
        ResponseEntity<JsonNode> r = other().postForEntity(
                        "/api/v1/workloads/prometheus",
                        Map.of(
                                "url",
                                "http://127.0.0.1:9",
                                "start",
                                "2026-01-05T00:00:00Z",
                                "end",
                                "2026-01-05T02:00:00Z",
                                "queries",
                                Map.of("cpuPercent", "up")),
                        JsonNode.class);
        assertThat(r.getStatusCode()).as("%s", r.getBody()).isEqualTo(HttpStatus.ACCEPTED);
        String location = r.getHeaders().getLocation().toString();
        TraceUploads.awaitFinal(other(), location, Duration.ofMinutes(2));
        assertThat(http.getForEntity(location, String.class).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(other().getForEntity(location, String.class).getStatusCode()).isEqualTo(HttpStatus.OK);
    }

    @Test
    void aViewerCannotStartAnyOfThem() {
        TestRestTemplate viewer = http.withBasicAuth(TestUsers.VIEWER, TestUsers.PASSWORD);
        UUID any = UUID.randomUUID();
        for (String path : List.of(
                "/api/v1/simulations",
                "/api/v1/backtests",
                "/api/v1/sweeps",
                "/api/v1/workloads/prometheus",
                "/api/v1/plans/" + any + "/simulations")) {
            assertThat(viewer.postForEntity(path, Map.of("workloadId", any), String.class)
                            .getStatusCode())
                    .as(path)
                    .isEqualTo(HttpStatus.FORBIDDEN);
        }
        assertThat(viewer.exchange("/api/v1/backtests/" + any, HttpMethod.DELETE, null, String.class)
                        .getStatusCode())
                .isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(viewer.getForEntity("/api/v1/backtests", String.class).getStatusCode())
                .isEqualTo(HttpStatus.OK);
    }
}
