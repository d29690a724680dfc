package org.dcplanner.consolidation.planning;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.time.Duration;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.dcplanner.consolidation.PostgresIntegrationTest;
import org.dcplanner.consolidation.planning.internal.SolvePlanTask;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.jdbc.core.JdbcTemplate;

/** A solve that dies of a JVM error ends the plan once, with the reason, instead of being retried forever. */
@PlanningIT
class PlanSolveFailureIT extends PostgresIntegrationTest {
    @Autowired
    TestRestTemplate http;

    @Autowired
    PlanningTestDoubles.InMemoryWorkloads workloads;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void aPlanWhoseSolverRunsOutOfMemoryFailsWithTheReasonAndLeavesNoJob() {
        UUID workload = workloads.put(
                TestWorkloads.firstVmNamed(TestWorkloads.antiPhase(2, 4, 3000, 1000), FfdTestSolver.OUT_OF_MEMORY_VM));
        URI location = PlanApi.post(http, PlanApi.request(workload, "hp-ml110-g5", 4, "FULL", 5))
                .getHeaders()
                .getLocation();

        JsonNode plan = PlanApi.awaitStatus(http, location.toString(), "FAILED");
        assertThat(plan.get("error").asText()).contains("ran out of memory").contains("fewer hosts in the pool");
        String id = plan.get("id").asText();
        // the job engine holds no execution to retry, and the plan stays failed after the retry delay
        Awaitility.await()
                .atMost(Duration.ofSeconds(10))
                .until(() -> jdbc.queryForObject(
                                "select count(*) from scheduled_tasks where task_instance = ?", Integer.class, id)
                        == 0);
        Awaitility.await().pollDelay(SolvePlanTask.RETRY_DELAY.multipliedBy(2)).until(() -> true);
        assertThat(jdbc.queryForObject("select attempt from plans where id = ?", Integer.class, UUID.fromString(id)))
                .isEqualTo(1);
    }
}
