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
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.dcplanner.consolidation.PostgresIntegrationTest;
import org.dcplanner.consolidation.ingestion.LoadedWorkload;
import org.dcplanner.consolidation.ingestion.Metric;
import org.dcplanner.consolidation.ingestion.WorkloadStore;
import org.dcplanner.consolidation.ingestion.WorkloadVm;
import org.dcplanner.consolidation.planning.internal.PlanRecord.ProgressPoint;
import org.dcplanner.consolidation.planning.internal.PlanRepository;
import org.dcplanner.consolidation.planning.internal.SolvePlanTask;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A solve whose node died (kill -9) is revived by the job engine on another node, fenced, and warm-started from
 * the dead attempt's saved best. Real application: ingestion store, overhead model, OptaPlanner solver.
 */
class PlanRecoveryIT extends PostgresIntegrationTest {
    /**
     * Flat CPU MHz of six VMs on 5320 MHz g5 hosts: first-fit decreasing (the solver's construction) needs 3 hosts,
     * {2600, 1550, 1000} + {2100, 2100, 1000} is 2 (the lower bound). Planned as measured (overhead in the trace).
     */
    private static final float[] CPU_MHZ = {2600, 2100, 2100, 1550, 1000, 1000};

    private static final int[] OPTIMAL_HOST_OF = {0, 1, 1, 0, 0, 1};

    @Autowired
    TestRestTemplate http;

    @Autowired
    WorkloadStore workloads;

    @Autowired
    PlanRepository plans;

    @Autowired
    SchedulerClient scheduler;

    @Autowired
    OneTimeTask<String> solvePlanOneTimeTask;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    ObjectMapper json;

    @Test
    void deadExecutionIsRevivedAsANewAttemptWarmStartedFromTheSavedBestAndTheDeadNodesWritesAreFenced()
            throws Exception {
        float[][] series = new float[CPU_MHZ.length][];
        for (int vm = 0; vm < series.length; vm++) {
            series[vm] = new float[4];
            Arrays.fill(series[vm], CPU_MHZ[vm]);
        }
        UUID workload = CsvUploads.upload(http, "recovery-it", 2, 4000, series);
        LoadedWorkload trace = workloads.load(workload, EnumSet.of(Metric.CPU));
        Map<String, Object> body = PlanApi.request(workload, "hp-ml110-g5", 10, "FULL", 5);
        body.put("sizing", Map.of("percentile", 100, "headroomPercent", 0, "overheadInTrace", true));
        PlanRequest request = json.convertValue(body, PlanRequest.class).validated(3600, 30);
        List<String> vmNames = trace.vms().stream().map(WorkloadVm::name).toList();
        // the saved best of the dead attempt: the 2-host optimum, by VM name (the store decides the VM order)
        int[] savedBest = vmNames.stream()
                .mapToInt(name -> OPTIMAL_HOST_OF[Integer.parseInt(name.substring(3))])
                .toArray();
        UUID id = UUID.randomUUID();
        plans.insert(
                id,
                "recovery",
                workload,
                json.writeValueAsString(request),
                vmNames,
                java.util.Collections.nCopies(10, "hp-ml110-g5"),
                4,
                300,
                false);
        // a node claimed the plan, persisted a best found 1 s into its search, then died mid-solve
        assertThat(plans.startAttempt(id)).hasValue(1);
        Instant firstStart = plans.find(id).orElseThrow().startedAt();
        plans.saveBest(id, 1, savedBest, new ProgressPoint(1, 1000, 2, "0hard/-2medium/0soft", true));
        // its last cancel poll, 3 s into its search, recorded the search time (the revived attempt subtracts it)
        assertThat(plans.mustStop(id, 1, 3_000)).isFalse();
        assertThat(plans.find(id).orElseThrow().searchedMillis()).isEqualTo(3_000);
        scheduler.schedule(
                solvePlanOneTimeTask.instance(id.toString(), id.toString()),
                Instant.now().plus(1, ChronoUnit.HOURS));
        jdbc.update(
                "update scheduled_tasks set picked = true, picked_by = 'dead-node', last_heartbeat = now() - interval '1 hour', "
                        + "execution_time = now() - interval '1 hour' where task_name = ? and task_instance = ?",
                SolvePlanTask.NAME,
                id.toString());
        assertThat(http.getForObject("/api/v1/plans/" + id, JsonNode.class)
                        .get("hostsUsed")
                        .asInt())
                .isEqualTo(2);

        JsonNode done = PlanApi.awaitStatus(http, "/api/v1/plans/" + id, "COMPLETED");
        // from scratch the new attempt's first best would be the construction: both baselines need 3 hosts
        assertThat(done.get("baselines").get("peakFfdHosts").asInt()).isEqualTo(3);
        assertThat(done.get("baselines").get("timeSeriesFfdHosts").asInt()).isEqualTo(3);
        List<JsonNode> secondAttempt = new java.util.ArrayList<>();
        done.get("progress").forEach(p -> {
            if (p.get("attempt").asInt() == 2) secondAttempt.add(p);
        });
        assertThat(secondAttempt).isNotEmpty();
        assertThat(secondAttempt.get(0).get("hostsUsed").asInt()).isLessThanOrEqualTo(2);
        assertThat(done.get("hostsUsed").asInt()).isEqualTo(2);
        assertThat(done.get("progress").findValuesAsText("attempt"))
                .startsWith("1", "2")
                .doesNotContain("3");
        assertThat(plans.find(id).orElseThrow().attempt()).isEqualTo(2);
        // the plan keeps the first attempt's start; the revived attempt's own start (its elapsed time) is later
        assertThat(Instant.parse(done.get("startedAt").asText())).isEqualTo(firstStart);
        assertThat(Instant.parse(done.get("attemptStartedAt").asText())).isAfter(firstStart);
        assertThat(done.get("elapsedMillis").asLong())
                .isLessThan(Duration.between(firstStart, Instant.now()).toMillis());
        // GET shows the search time of both attempts: the dead one's 3 s plus the revived one's
        assertThat(done.get("searchedMillis").asLong())
                .isGreaterThan(3_000)
                .isEqualTo(plans.find(id).orElseThrow().searchedMillis());

        // the dead node wakes up: its writes touch nothing and its next poll tells it to stop
        plans.saveBest(
                id, 1, new int[] {0, 1, 2, 3, 4, 5}, new ProgressPoint(1, 2000, 6, "0hard/-6medium/0soft", true));
        assertThat(plans.find(id).orElseThrow().hostsUsed()).isEqualTo(2);
        long searched = plans.find(id).orElseThrow().searchedMillis();
        assertThat(searched).isGreaterThanOrEqualTo(3_000);
        assertThat(plans.mustStop(id, 1, 99_000)).isTrue();
        assertThat(plans.find(id).orElseThrow().searchedMillis()).isEqualTo(searched);
        assertThat(plans.mustStop(id, 2, searched)).isFalse();
        // db-scheduler removes the execution row just after the task body (which wrote COMPLETED) returns
        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> assertThat(jdbc.queryForList(
                                "select task_instance from scheduled_tasks where task_name = ? and task_instance = ?",
                                String.class,
                                SolvePlanTask.NAME,
                                id.toString()))
                        .isEqualTo(List.of()));
    }
}
