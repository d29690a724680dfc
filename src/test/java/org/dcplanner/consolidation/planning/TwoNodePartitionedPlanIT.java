package org.dcplanner.consolidation.planning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.kagkarlsson.scheduler.Scheduler;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.dcplanner.consolidation.ConsolidationApplication;
import org.dcplanner.consolidation.PostgresIntegrationTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.env.Environment;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.TestPropertySource;

/**
 * Two nodes on one database: node A, a second JVM of the application, solves both partitions of a plan and is
 * killed (SIGKILL) mid-partition; node B (this test's context) finds the dead executions by their missed
 * heartbeats, solves the partitions again under new attempts, merges them, and the plan completes.
 */
@TestPropertySource(
        properties = {
            "db-scheduler.scheduler-name=node-b",
            "db-scheduler.heartbeat-interval=1s",
            "db-scheduler.missed-heartbeats-limit=4",
            "db-scheduler.polling-interval=1s",
            "app.planning.partition-vms=10"
        })
class TwoNodePartitionedPlanIT extends PostgresIntegrationTest {
    /** Flat 2,100 MHz on 5,320 MHz hosts: two VMs fit a host, three do not, so the bound (40 %) is never proven. */
    private static final float CPU_MHZ = 2100;

    private static final int VMS = 20;

    @Autowired
    TestRestTemplate http;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    Scheduler scheduler;

    @Autowired
    Environment env;

    private Process nodeA;

    @AfterEach
    void stopNodeA() {
        if (nodeA != null) nodeA.destroyForcibly();
        scheduler.resume();
    }

    @Test
    void aPlanSolvedInPartitionsCompletesOnTheOtherNodeWhenTheNodeSolvingThemIsKilled() throws Exception {
        float[][] cpu = new float[VMS][12];
        for (float[] series : cpu) Arrays.fill(series, CPU_MHZ);
        UUID workload = CsvUploads.upload(http, "two-nodes", 2, 4000, cpu);
        // node B takes no job until node A holds both partitions
        scheduler.pause();
        nodeA = startNodeA();

        Map<String, Object> body = PlanApi.request(workload, "hp-ml110-g5", VMS, "FULL", 24);
        body.put("sizing", Map.of("percentile", 100, "headroomPercent", 0, "overheadInTrace", true));
        var created = PlanApi.post(http, body);
        assertThat(created.getStatusCode())
                .as(String.valueOf(created.getBody()))
                .isEqualTo(HttpStatus.ACCEPTED);
        UUID id = UUID.fromString(created.getBody().get("id").asText());

        await().atMost(Duration.ofSeconds(180))
                .pollInterval(Duration.ofMillis(200))
                .until(() -> partitionsSolvingOn(id, "node-a") == 2);
        JsonNode solving = http.getForObject("/api/v1/plans/" + id, JsonNode.class);
        assertThat(solving.get("status").asText()).isEqualTo("SOLVING");
        assertThat(solving.get("partitions").get("total").asInt()).isEqualTo(2);
        assertThat(solving.get("partitions").get("done").asInt()).isZero();
        // the whole estate's bound, not a partition's: 20 x 2,100 / 5,320 → 8
        assertThat(solving.get("lowerBoundHosts").asInt()).isEqualTo(8);

        nodeA.destroyForcibly().waitFor();
        scheduler.resume();

        JsonNode done = PlanApi.awaitStatus(http, "/api/v1/plans/" + id, "COMPLETED");
        assertThat(done.get("partitions").get("done").asInt()).isEqualTo(2);
        assertThat(done.get("partitions").get("total").asInt()).isEqualTo(2);
        assertThat(done.get("feasible").asBoolean()).isTrue();
        // two VMs per host at most, so 10 hosts is the optimum the merge must keep
        assertThat(done.get("hostsUsed").asInt()).isEqualTo(10);
        List<Map<String, Object>> rows = jdbc.queryForList(
                "select part, status, attempt, picked_by, cardinality(vm_indexes) as vms from plan_partitions "
                        + "where plan_id = ? order by part",
                id);
        assertThat(rows).hasSize(2).allSatisfy(r -> {
            assertThat(r.get("status")).isEqualTo("DONE");
            // solved again by node B under a new attempt: node A's attempt was fenced off
            assertThat((Integer) r.get("attempt")).isGreaterThanOrEqualTo(2);
            assertThat(r.get("picked_by")).isEqualTo("node-b");
        });
        assertThat(rows.stream().mapToInt(r -> (Integer) r.get("vms")).sum()).isEqualTo(VMS);

        JsonNode placements = http.getForObject("/api/v1/plans/" + id + "/placements", JsonNode.class);
        Map<Integer, Integer> perSlot = new java.util.HashMap<>();
        Set<String> vms = new HashSet<>();
        placements.forEach(p -> {
            assertThat(p.get("slot").asInt()).isBetween(0, VMS - 1);
            perSlot.merge(p.get("slot").asInt(), 1, Integer::sum);
            vms.add(p.get("vmName").asText());
        });
        assertThat(vms).hasSize(VMS);
        assertThat(perSlot.values()).allMatch(n -> n <= 2);
    }

    private int partitionsSolvingOn(UUID planId, String node) {
        Integer n = jdbc.queryForObject(
                "select count(*) from plan_partitions where plan_id = ? and status = 'SOLVING' and picked_by = ?",
                Integer.class,
                planId,
                node);
        return n == null ? 0 : n;
    }

    /** The application in a JVM of its own on this test's database schema, as "node-a". */
    private Process startNodeA() throws Exception {
        String java = ProcessHandle.current().info().command().orElse("java");
        List<String> command = new ArrayList<>(List.of(
                java,
                "-Xmx384m",
                "-XX:TieredStopAtLevel=1",
                "-cp",
                System.getProperty("java.class.path"),
                ConsolidationApplication.class.getName()));
        for (String name : List.of(
                "spring.datasource.url",
                "spring.datasource.username",
                "spring.datasource.password",
                "spring.flyway.schemas",
                "spring.flyway.default-schema")) {
            command.add("--" + name + "=" + env.getProperty(name, ""));
        }
        command.addAll(List.of(
                "--server.port=0",
                "--db-scheduler.scheduler-name=node-a",
                "--db-scheduler.heartbeat-interval=1s",
                "--db-scheduler.missed-heartbeats-limit=4",
                "--db-scheduler.polling-interval=1s",
                "--app.planning.partition-vms=10",
                "--spring.main.banner-mode=off"));
        Path log = Files.createDirectories(Path.of("target")).resolve("two-node-node-a.log");
        return new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .directory(new File("."))
                .start();
    }
}
