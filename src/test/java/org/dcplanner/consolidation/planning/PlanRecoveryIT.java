package org.dcplanner.consolidation.planning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.kagkarlsson.scheduler.SchedulerClient;
import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import org.dcplanner.consolidation.PostgresIntegrationTest;
import org.dcplanner.consolidation.ingestion.LoadedWorkload;
import org.dcplanner.consolidation.ingestion.WorkloadVm;
import org.dcplanner.consolidation.planning.PlanRecord.ProgressPoint;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.jdbc.core.JdbcTemplate;

/** A solve whose node died (kill -9) is revived by the job engine on another node and fenced. */
@PlanningIT
class PlanRecoveryIT extends PostgresIntegrationTest {
    @Autowired TestRestTemplate http;
    @Autowired PlanningTestDoubles.InMemoryWorkloads workloads;
    @Autowired PlanRepository plans;
    @Autowired SchedulerClient scheduler;
    @Autowired OneTimeTask<String> solvePlanOneTimeTask;
    @Autowired JdbcTemplate jdbc;
    @Autowired ObjectMapper json;

    @Test
    void deadExecutionIsRevivedAsANewAttemptAndTheDeadNodesWritesAreFenced() throws Exception {
        LoadedWorkload trace = TestWorkloads.antiPhase(4, 4, 3000, 1000);
        UUID workload = workloads.put(trace);
        PlanRequest request = json.convertValue(PlanApi.request(workload, "hp-ml110-g5", 10, "FULL", 1), PlanRequest.class)
                .validated(3600, 30);
        UUID id = UUID.randomUUID();
        plans.insert(id, "recovery", workload, json.writeValueAsString(request),
                trace.vms().stream().map(WorkloadVm::name).toList(), java.util.Collections.nCopies(10, "hp-ml110-g5"), 4, 300, false);
        // a node claimed the plan, persisted a first best (one VM per host), then died mid-solve
        assertThat(plans.startAttempt(id)).hasValue(1);
        plans.saveBest(id, 1, new int[] {0, 1, 2, 3}, new ProgressPoint(1, 10, 4, "0hard/-4medium/0soft", true));
        scheduler.schedule(solvePlanOneTimeTask.instance(id.toString(), id.toString()), Instant.now().plus(1, ChronoUnit.HOURS));
        jdbc.update("update scheduled_tasks set picked = true, picked_by = 'dead-node', last_heartbeat = now() - interval '1 hour', "
                + "execution_time = now() - interval '1 hour' where task_name = ? and task_instance = ?",
                SolvePlanTask.NAME, id.toString());
        assertThat(http.getForObject("/api/v1/plans/" + id, JsonNode.class).get("hostsUsed").asInt()).isEqualTo(4);

        JsonNode done = PlanApi.awaitStatus(http, "/api/v1/plans/" + id, "COMPLETED");
        assertThat(done.get("hostsUsed").asInt()).isEqualTo(2);
        assertThat(done.get("progress").findValuesAsText("attempt")).containsExactly("1", "2");
        assertThat(plans.find(id).orElseThrow().attempt()).isEqualTo(2);

        // the dead node wakes up: its writes touch nothing and its next poll tells it to stop
        plans.saveBest(id, 1, new int[] {0, 1, 2, 3}, new ProgressPoint(1, 20, 4, "0hard/-4medium/0soft", true));
        assertThat(plans.find(id).orElseThrow().hostsUsed()).isEqualTo(2);
        assertThat(plans.mustStop(id, 1)).isTrue();
        assertThat(plans.mustStop(id, 2)).isFalse();
        // db-scheduler removes the execution row just after the task body (which wrote COMPLETED) returns
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(jdbc.queryForList(
                "select task_instance from scheduled_tasks where task_name = ? and task_instance = ?",
                String.class, SolvePlanTask.NAME, id.toString())).isEqualTo(List.of()));
    }
}
