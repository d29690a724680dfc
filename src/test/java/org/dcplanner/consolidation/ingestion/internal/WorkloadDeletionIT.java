package org.dcplanner.consolidation.ingestion.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.dcplanner.consolidation.PostgresIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.JdbcTemplate;

/** DELETE of a workload takes its plans with it (V8), and leaves other workloads' plans alone. */
@SuppressWarnings({"rawtypes", "unchecked"})
class WorkloadDeletionIT extends PostgresIntegrationTest {
    @Autowired
    TestRestTemplate http;

    @Autowired
    JdbcTemplate jdbc;

    private UUID upload(String name) throws IOException {
        String csv = """
                vm,timestamp,cpuMhz
                a,2026-01-05T00:00:00Z,100
                b,2026-01-05T00:00:00Z,200
                a,2026-01-05T00:05:00Z,150
                b,2026-01-05T00:05:00Z,250
                """;
        var r = WorkloadUploads.upload(
                http, TestZips.file(name + ".csv", csv.getBytes(StandardCharsets.UTF_8)), null, Map.of("name", name));
        assertThat(r.getStatusCode().value()).isEqualTo(201);
        return UUID.fromString((String) r.getBody().get("id"));
    }

    private String plan(UUID workload) {
        Map<String, Object> body = Map.of(
                "workloadId",
                workload,
                "hostPool",
                List.of(Map.of("model", "hp-ml110-g5", "count", 2)),
                "resources",
                List.of("CPU"),
                "virtualization",
                "FULL",
                "timeLimitSeconds",
                1);
        var r = http.postForEntity("/api/v1/plans", body, Map.class);
        assertThat(r.getStatusCode()).isEqualTo(HttpStatus.ACCEPTED);
        return r.getHeaders().getLocation().toString();
    }

    private int plansOf(UUID workload) {
        return jdbc.queryForObject("select count(*) from plans where workload_id = ?", Integer.class, workload);
    }

    @Test
    void deletingAWorkloadDeletesItsPlans() throws IOException {
        UUID doomed = upload("doomed");
        UUID kept = upload("kept");
        String first = plan(doomed);
        plan(doomed);
        String other = plan(kept);
        assertThat(plansOf(doomed)).isEqualTo(2);

        var del = http.exchange("/api/v1/workloads/" + doomed, HttpMethod.DELETE, null, Void.class);
        assertThat(del.getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);

        assertThat(plansOf(doomed)).isZero();
        assertThat(http.getForEntity(first, Map.class).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(http.getForEntity(other, Map.class).getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(plansOf(kept)).isEqualTo(1);
        http.exchange("/api/v1/workloads/" + kept, HttpMethod.DELETE, null, Void.class);
        assertThat(plansOf(kept)).isZero();
    }
}
