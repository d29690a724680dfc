package org.dcplanner.consolidation.ingestion.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.dcplanner.consolidation.PostgresIntegrationTest;
import org.dcplanner.consolidation.ingestion.Metric;
import org.dcplanner.consolidation.ingestion.TimeGrid;
import org.dcplanner.consolidation.ingestion.WorkloadClass;
import org.dcplanner.consolidation.ingestion.WorkloadStore;
import org.dcplanner.consolidation.ingestion.WorkloadVm;
import org.dcplanner.consolidation.ingestion.store.WorkloadWriter;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/** The generic long CSV with an inventory, end to end; and the all-or-nothing write. */
@SuppressWarnings({"rawtypes", "unchecked"})
class CsvUploadIT extends PostgresIntegrationTest {
    @Autowired
    TestRestTemplate http;

    @Autowired
    WorkloadStore store;

    @Autowired
    WorkloadWriter writer;

    @Autowired
    TransactionTemplate transaction;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void longCsvWithCpuPercentAndInventory() throws IOException {
        String csv = """
                vm,timestamp,cpuPercent,memoryMib,networkKBps
                web-1,2026-01-05T00:00:00Z,50,1000,10
                db-1,2026-01-05T00:00:00Z,10,,
                web-1,2026-01-05T00:01:00Z,70,1200,30
                db-1,2026-01-05T00:01:00Z,20,,
                web-1,2026-01-05T00:02:00Z,40,800,20
                """;
        String inventory = """
                vm,cores,cpuMhz,memoryMib,guestOs,paravirtCapable,workloadClass,antiAffinityGroup
                db-1,8,16000,32768,linux,yes,database,db
                """;
        var r = WorkloadUploads.upload(
                http,
                TestZips.file("mixed.csv", csv.getBytes(StandardCharsets.UTF_8)),
                TestZips.file("mixed-inventory.csv", inventory.getBytes(StandardCharsets.UTF_8)),
                Map.of("name", "Mixed tier"));

        assertThat(r.getStatusCode().value()).isEqualTo(201);
        assertThat(r.getBody())
                .containsEntry("name", "Mixed tier")
                .containsEntry("format", "csv")
                .containsEntry("stepSeconds", 60)
                .containsEntry("steps", 3)
                .containsEntry("vmCount", 2);
        assertThat((List) r.getBody().get("metrics")).containsExactly("CPU", "MEMORY", "NETWORK");

        var w = store.load(UUID.fromString((String) r.getBody().get("id")), EnumSet.allOf(Metric.class));
        assertThat(w.grid().start()).isEqualTo(Instant.parse("2026-01-05T00:00:00Z"));
        assertThat(w.vms()).extracting(WorkloadVm::name).containsExactly("db-1", "web-1");
        assertThat(w.vms().get(0))
                .isEqualTo(new WorkloadVm(0, "db-1", 8, 16000, 32768, "linux", true, WorkloadClass.DATABASE, "db"));
        assertThat(w.series(Metric.CPU)[0]).containsExactly(1600, 3200, 0); // 10 %, 20 %, then after its last sample
        assertThat(w.series(Metric.CPU)[1]).containsExactly(2000, 2800, 1600); // default profile 4000 MHz
        assertThat(w.series(Metric.MEMORY)[0]).containsExactly(32768, 32768, 32768); // no samples -> configured
        assertThat(w.series(Metric.DISK)[1]).containsExactly(0, 0, 0); // not measured -> zeros
        assertThat(w.series(Metric.NETWORK)[1]).containsExactly(10, 30, 20);

        var page = http.getForObject("/api/v1/workloads/" + w.id() + "/vms?sort=memoryPeak,desc", Map.class);
        Map first = ((List<Map>) page.get("content")).get(0);
        assertThat(first)
                .containsEntry("name", "db-1")
                .containsEntry("id", "db-1")
                .containsEntry("workloadClass", "DATABASE")
                .containsEntry("cores", 8)
                .containsEntry("vcpus", 8);
        assertThat((Map) first.get("stats")).containsOnlyKeys("CPU", "MEMORY", "NETWORK");
        assertThat(http.getForEntity("/api/v1/workloads/" + w.id() + "/vms?sort=colour", Map.class)
                        .getStatusCode()
                        .value())
                .isEqualTo(400);
    }

    @Test
    void theOpenApiDocumentDescribesTheWorkloadEndpoints() {
        String doc = http.getForObject("/v3/api-docs", String.class);
        assertThat(doc)
                .contains(
                        "/api/v1/workloads",
                        "/api/v1/workloads/{id}/vms/{vm}/series",
                        "/api/v1/workloads/{id}/aggregate",
                        "multipart/form-data",
                        "vmProfile",
                        "stepSeconds");
    }

    @Test
    void aFailureWhileStoringLeavesNothingBehind() {
        long before = jdbc.queryForObject("select count(*) from workload", Long.class);
        var grid = new TimeGrid(Instant.parse("2026-01-05T00:00:00Z"), 300, 2);
        var vms = List.of(new WorkloadVm(0, "bad\u0000name", 1, 1000, 1024, "linux", false, WorkloadClass.WEB, null));
        var series = Map.of(Metric.CPU, new float[][] {{1, 2}}, Metric.MEMORY, new float[][] {{1, 1}});
        var stats = Map.of(
                Metric.CPU, new SeriesStats[] {SeriesStats.of(new float[] {1, 2})}, Metric.MEMORY, new SeriesStats[] {
                    SeriesStats.of(new float[] {1, 1})
                });
        var assembled = new AssembledWorkload(
                grid, vms, (m, vm) -> series.get(m)[vm], stats, EnumSet.of(Metric.CPU, Metric.MEMORY), List.of(), 2);
        UUID id = UUID.randomUUID();

        org.assertj.core.api.Assertions.assertThatThrownBy(() ->
                        transaction.executeWithoutResult(tx -> writer.insert(id, "half", "csv", "default", assembled)))
                .isInstanceOf(RuntimeException.class);
        assertThat(jdbc.queryForObject("select count(*) from workload", Long.class))
                .isEqualTo(before);
        assertThat(jdbc.queryForObject("select count(*) from workload_vm where workload_id = ?", Long.class, id))
                .isZero();
    }
}
