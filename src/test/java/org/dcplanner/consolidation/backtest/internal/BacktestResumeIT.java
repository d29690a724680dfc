package org.dcplanner.consolidation.backtest.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.kagkarlsson.scheduler.SchedulerClient;
import com.github.kagkarlsson.scheduler.task.helper.CustomTask;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.dcplanner.consolidation.PostgresIntegrationTest;
import org.dcplanner.consolidation.ingestion.WorkloadStore;
import org.dcplanner.consolidation.planning.PlanJobs;
import org.dcplanner.consolidation.planning.PlanRequest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A backtest whose node died after starting a fold's plan is revived by the job engine and resumes from the
 * state in PostgreSQL: the started plan is collected (not started a second time) and the remaining folds run.
 */
class BacktestResumeIT extends PostgresIntegrationTest {
    @Autowired
    TestRestTemplate http;

    @Autowired
    BacktestStore store;

    @Autowired
    PlanJobs plans;

    @Autowired
    WorkloadStore workloads;

    @Autowired
    SchedulerClient scheduler;

    @Autowired
    CustomTask<String> runBacktestTask;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    ObjectMapper json;

    @Test
    void deadExecutionResumesAtTheOpenFoldWithoutStartingItsPlanTwice() throws Exception {
        float[] s = {2000, 2000, 2000, 2000, 2600, 2600, 2800, 2800};
        UUID w = NamedCsv.upload(http, "oos resume", Map.of("p", s, "q", s.clone()));
        BacktestRequest request = json.convertValue(
                        Map.of(
                                "name",
                                "resume",
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
                        BacktestRequest.class)
                .validated();
        List<FoldSpec> folds =
                BacktestFolds.rolling(request, workloads.load(w, Set.of()).grid());
        assertThat(folds).hasSize(2);
        UUID id = UUID.randomUUID();
        store.insert(id, BacktestService.BACKTEST, "resume", request, folds);
        // the dead node had started fold 0's plan (under the id derived from job and fold) and recorded it
        UUID fold0Plan = UUID.nameUUIDFromBytes((id + ":0").getBytes(StandardCharsets.UTF_8));
        plans.start(json.treeToValue(folds.get(0).planRequest(), PlanRequest.class), fold0Plan, "default");
        store.markRunning(id);
        store.planning(id, 0, fold0Plan);
        scheduler.schedule(
                runBacktestTask.instance(id.toString(), id.toString()),
                Instant.now().plus(1, ChronoUnit.HOURS));
        jdbc.update(
                "update scheduled_tasks set picked = true, picked_by = 'dead-node', last_heartbeat = now() - interval '1 hour', "
                        + "execution_time = now() - interval '1 hour' where task_name = ? and task_instance = ?",
                BacktestTask.NAME,
                id.toString());

        JsonNode done = TraceUploads.awaitFinal(http, "/api/v1/backtests/" + id, Duration.ofMinutes(5));
        assertThat(done.get("status").asText()).as("%s", done).isEqualTo("COMPLETED");
        assertThat(done.get("foldsDone").asInt()).isEqualTo(2);
        assertThat(done.get("folds").get(0).get("planId").asText()).isEqualTo(fold0Plan.toString());
        assertThat(done.get("folds")
                        .get(1)
                        .get("outOfSample")
                        .get("resources")
                        .get("CPU")
                        .get("hostSteps")
                        .asInt())
                .isPositive();
        JsonNode workloadPlans = http.getForObject("/api/v1/plans?workloadId=" + w, JsonNode.class);
        assertThat(workloadPlans).as("one plan per fold, none started twice").hasSize(2);
    }
}
