package org.dcplanner.consolidation.ingestion.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.dcplanner.consolidation.PostgresIntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

/** Every kind of bad upload answers problem+json naming file, line and field, and stores nothing. */
@SuppressWarnings("rawtypes")
class UploadErrorsIT extends PostgresIntegrationTest {
    @Autowired
    TestRestTemplate http;

    @Autowired
    JdbcTemplate jdbc;

    private long workloadsBefore;
    private long seriesBefore;

    @BeforeEach
    void countRows() {
        workloadsBefore = count("workload");
        seriesBefore = count("workload_series");
    }

    private long count(String table) {
        return jdbc.queryForObject("select count(*) from " + table, Long.class);
    }

    /** Uploads, checks status + problem members, and that no workload or series row was added. */
    private Map problem(Path file, Path inventory, Map<String, String> params, int status, String type) {
        ResponseEntity<Map> r = WorkloadUploads.upload(http, file, inventory, params);
        assertThat(r.getStatusCode().value()).isEqualTo(status);
        assertThat(r.getHeaders().getContentType().isCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .isTrue();
        assertThat(r.getBody()).containsEntry("type", "/problems/" + type).containsEntry("status", status);
        assertThat(count("workload")).isEqualTo(workloadsBefore);
        assertThat(count("workload_series")).isEqualTo(seriesBefore);
        return r.getBody();
    }

    private static Path text(String name, String content) throws IOException {
        return TestZips.file(name, content.getBytes(StandardCharsets.UTF_8));
    }

    // an empty file and an unknown format name are refused before parsing: WorkloadControllerSliceTest

    @Test
    void headerOnlyFile() throws IOException {
        assertThat(problem(text("header-only.csv", "vm,timestamp,cpuMhz\n"), null, Map.of(), 422, "empty-file"))
                .containsEntry("file", "header-only.csv");
    }

    @Test
    void wrongSeparator() throws IOException {
        assertThat(problem(
                        text("semicolons.csv", "vm;timestamp;cpuMhz\na;0;1\n"), null, Map.of(), 422, "wrong-separator"))
                .containsEntry("file", "semicolons.csv")
                .containsEntry("line", 1);
    }

    @Test
    void nonNumericValue() throws IOException {
        assertThat(problem(
                        text("nan.csv", "vm,timestamp,cpuMhz\na,0,1\na,300,lots\n"),
                        null,
                        Map.of(),
                        422,
                        "non-numeric"))
                .containsEntry("file", "nan.csv")
                .containsEntry("line", 3)
                .containsEntry("field", "cpuMhz");
    }

    @Test
    void negativeValue() throws IOException {
        assertThat(problem(
                        text("neg.csv", "vm,timestamp,cpuMhz,diskKBps\na,0,1,-4\n"), null, Map.of(), 422, "negative"))
                .containsEntry("line", 2)
                .containsEntry("field", "diskKBps");
    }

    @Test
    void cpuPercentAbove100InPlanetLab() throws IOException {
        Path zip = TestZips.zip("pct.zip", Map.of("20110303/vm1", "5\n7\n140\n".getBytes()));
        assertThat(problem(zip, null, Map.of(), 422, "cpu-percent-above-100"))
                .containsEntry("file", "20110303/vm1")
                .containsEntry("line", 3)
                .containsEntry("field", "cpuPercent");
    }

    @Test
    void unsortedTimestamps() throws IOException {
        String csv =
                "vm,timestamp,cpuMhz\na,2026-01-05T00:05:00Z,1\nb,2026-01-05T00:00:00Z,1\na,2026-01-05T00:00:00Z,2\n";
        assertThat(problem(text("unsorted.csv", csv), null, Map.of(), 422, "unsorted-timestamps"))
                .containsEntry("line", 4)
                .containsEntry("field", "timestamp");
    }

    @Test
    void nonUtf8Text() throws IOException {
        Path latin1 = TestZips.file(
                "latin1.csv", "vm,timestamp,cpuMhz\nM\u00fcller,0,1\n".getBytes(StandardCharsets.ISO_8859_1));
        assertThat(problem(latin1, null, Map.of(), 422, "non-utf8"))
                .containsEntry("file", "latin1.csv")
                .containsEntry("line", 2);
    }

    @Test
    void zipEntryWithParentPath() throws IOException {
        Path zip = TestZips.zip("slip.zip", Map.of("../../etc/vm1", "5\n".getBytes()));
        assertThat(problem(zip, null, Map.of(), 422, "unsafe-archive-path")).containsEntry("file", "../../etc/vm1");
    }

    @Test
    void zipEntryWithAbsolutePath() throws IOException {
        Path zip = TestZips.zip("abs.zip", Map.of("/tmp/vm1", "5\n".getBytes()));
        assertThat(problem(zip, null, Map.of(), 422, "unsafe-archive-path")).containsEntry("file", "/tmp/vm1");
    }

    @Test
    void zipBombByCompressionRatio() throws IOException {
        Path zip = TestZips.zip("bomb.zip", Map.of("vm1", "0\n".repeat(12 << 20).getBytes())); // 24 MiB of "0\n"
        problem(zip, null, Map.of("format", "planetlab"), 413, "zip-bomb");
    }

    @Test
    void undetectableFormat() throws IOException {
        assertThat(problem(text("notes.txt", "hello world\n"), null, Map.of(), 415, "unsupported-format"))
                .containsEntry("file", "notes.txt");
    }

    @Test
    void inventoryNamingAnUnknownVm() throws IOException {
        Path trace = text("two.csv", "vm,timestamp,cpuMhz\na,0,1\nb,0,1\n");
        Path inventory = text("inv.csv", "vm,cores\na,2\nz,4\n");
        assertThat(problem(trace, inventory, Map.of(), 422, "unknown-vm"))
                .containsEntry("file", "inv.csv")
                .containsEntry("line", 3)
                .containsEntry("field", "vm");
    }

    @Test
    void badStepSeconds() throws IOException {
        problem(text("a.csv", "vm,timestamp,cpuMhz\na,0,1\n"), null, Map.of("stepSeconds", "0"), 400, "bad-request");
    }

    @Test
    void unknownWorkloadIs404() {
        var missing = http.getForEntity("/api/v1/workloads/00000000-0000-0000-0000-000000000000", Map.class);
        assertThat(missing.getStatusCode().value()).isEqualTo(404);
        assertThat(missing.getBody()).containsEntry("type", "/problems/not-found");
    }

    @Test
    void bitbrainsFileInAZipWithAShortHeader() throws IOException {
        var entries = new LinkedHashMap<String, byte[]>();
        entries.put("rnd/1.csv", "Timestamp [ms];\tCPU cores\n".getBytes());
        Path zip = TestZips.zip("short-header.zip", entries);
        assertThat(problem(zip, null, Map.of(), 422, "bad-header"))
                .containsEntry("file", "rnd/1.csv")
                .containsEntry("line", 1);
    }
}
