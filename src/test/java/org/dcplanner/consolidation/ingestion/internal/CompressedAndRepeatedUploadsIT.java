package org.dcplanner.consolidation.ingestion.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.zip.GZIPOutputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.dcplanner.consolidation.PostgresIntegrationTest;
import org.dcplanner.consolidation.ingestion.Metric;
import org.dcplanner.consolidation.ingestion.WorkloadClass;
import org.dcplanner.consolidation.ingestion.WorkloadStore;
import org.dcplanner.consolidation.ingestion.WorkloadVm;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.TestPropertySource;

/**
 * Item 2 of issue 20 end to end: .csv.gz and .tar.gz uploads, validate-only, re-uploads recognised by
 * content, all row errors at once, a start time for traces without dates; and an Azure-shaped archive.
 */
@SuppressWarnings({"rawtypes", "unchecked"})
@TestPropertySource(properties = "app.ingestion.recognise-repeats=true")
class CompressedAndRepeatedUploadsIT extends PostgresIntegrationTest {
    @Autowired
    TestRestTemplate http;

    @Autowired
    WorkloadStore store;

    @Autowired
    JdbcTemplate jdbc;

    /** Unique per run: the test database outlives a run, and a repeat of an earlier run's upload would be recognised. */
    private static final String RUN = UUID.randomUUID().toString().substring(0, 8);

    private static final String CSV = """
            vm,timestamp,cpuMhz,memoryMib
            gz-a,2026-02-01T00:00:00Z,100,512
            gz-b,2026-02-01T00:00:00Z,200,1024
            gz-a,2026-02-01T00:05:00Z,300,512
            """.replace("gz-", "gz-" + RUN + "-");

    @Test
    void aGzipCompressedCsvIsReadAndItsRepeatIsRecognised() throws IOException {
        var file = TestZips.file("month.csv.gz", gzip(CSV.getBytes(StandardCharsets.UTF_8)));
        var first = WorkloadUploads.upload(http, file, null, Map.of());
        assertThat(first.getStatusCode().value()).isEqualTo(201);
        assertThat(first.getBody())
                .containsEntry("name", "month")
                .containsEntry("vmCount", 2)
                .containsEntry("steps", 2);

        var again = WorkloadUploads.upload(http, file, null, Map.of("name", "same bytes again"));
        assertThat(again.getStatusCode().value()).isEqualTo(200);
        assertThat(again.getHeaders().getLocation())
                .hasToString("/api/v1/workloads/" + first.getBody().get("id"));
        assertThat(again.getBody())
                .containsEntry("id", first.getBody().get("id"))
                .containsEntry("name", "month");

        var otherStep = WorkloadUploads.upload(http, file, null, Map.of("stepSeconds", "600"));
        assertThat(otherStep.getStatusCode().value())
                .as("other parameters make another workload")
                .isEqualTo(201);
    }

    @Test
    void validateOnlyAnswersWithWhatWouldBeStoredAndStoresNothing() throws IOException {
        long before = count();
        var r = WorkloadUploads.upload(
                http,
                TestZips.file("check.csv", CSV.replace("gz-", "v-").getBytes(StandardCharsets.UTF_8)),
                null,
                Map.of("validateOnly", "true"));
        assertThat(r.getStatusCode().value()).isEqualTo(200);
        assertThat(r.getBody())
                .containsEntry("id", null)
                .containsEntry("vmCount", 2)
                .containsEntry("sampleCount", 6);
        assertThat(count()).isEqualTo(before);
    }

    @Test
    void everyBadRowIsReportedWithACount() throws IOException {
        StringBuilder csv = new StringBuilder("vm,timestamp,cpuMhz\n");
        for (int i = 0; i < 150; i++)
            csv.append("bad-")
                    .append(i)
                    .append(",2026-02-01T00:00:00Z,-")
                    .append(i + 1)
                    .append('\n');
        csv.append("ok,2026-02-01T00:00:00Z,oops\n");
        long before = count();
        var r = WorkloadUploads.upload(
                http, TestZips.file("bad-rows.csv", csv.toString().getBytes(StandardCharsets.UTF_8)), null, Map.of());
        assertThat(r.getStatusCode().value()).isEqualTo(422);
        assertThat(r.getBody())
                .containsEntry("line", 2)
                .containsEntry("field", "cpuMhz")
                .containsEntry("errorCount", 151);
        List<Map> errors = (List<Map>) r.getBody().get("errors");
        assertThat(errors).hasSize(100);
        assertThat(errors.get(99))
                .containsEntry("type", "negative")
                .containsEntry("line", 101)
                .containsEntry("file", "bad-rows.csv");
        assertThat(count()).isEqualTo(before);
    }

    @Test
    void aTarGzOfPerVmFilesWithAStartForPlanetLab() throws IOException {
        var file = TestZips.file(
                "pl.tar.gz", gzip(tar(Map.of("day/vm-1", "10\n20\n", "day/vm-2", "5\n", "day/vm-" + RUN, "1\n"))));
        var r = WorkloadUploads.upload(http, file, null, Map.of("start", "2026-03-01T12:00:00Z"));
        assertThat(r.getStatusCode().value()).isEqualTo(201);
        assertThat(r.getBody())
                .containsEntry("format", "planetlab")
                .containsEntry("vmCount", 3)
                .containsEntry("start", "2026-03-01T12:00:00Z");
    }

    @Test
    void anAzureArchiveWithVmtableAndReadingsIsNoLonger415() throws IOException {
        String vmtable =
                "azX,sub,dep,0,900,90,20,80,Unknown,1,1\nazA,sub,dep,0,900,90,20,80,Interactive,4,8\nazB,sub,dep,0,900,90,20,80,Delay-insensitive,2,4\n";
        String readings = "0,azA,1,60,50\n0,azB,1,20,10\n300,azA,1,40,25\n300,azB,1,20,20\n0,zz" + RUN + ",1,1,1\n";
        var zip = TestZips.zip(
                "azure.zip",
                Map.of(
                        "azure/vmtable.csv",
                        bytes(vmtable),
                        "azure/vm_cpu_readings-file-1-of-1.csv.gz",
                        gzip(bytes(readings))));
        var r = WorkloadUploads.upload(http, zip, null, Map.of("start", "2019-07-01T00:00:00Z"));
        assertThat(r.getStatusCode().value()).as("%s", r.getBody()).isEqualTo(201);
        assertThat(r.getBody())
                .containsEntry("format", "azure")
                .containsEntry("vmCount", 3)
                .containsEntry("stepSeconds", 300);
        var w = store.load(UUID.fromString((String) r.getBody().get("id")), EnumSet.of(Metric.CPU));
        assertThat(w.grid().start()).isEqualTo(Instant.parse("2019-07-01T00:00:00Z"));
        assertThat(w.vms().get(0))
                .isEqualTo(new WorkloadVm(0, "azA", 4, 8000, 8192, "linux", false, WorkloadClass.WEB, null, null));
        assertThat(w.series(Metric.CPU)[0]).containsExactly(4000, 2000); // 50 % and 25 % of 4 x 2000 MHz
        assertThat(w.vms().get(1).workloadClass()).isEqualTo(WorkloadClass.BATCH_IO);
    }

    private long count() {
        return jdbc.queryForObject("select count(*) from workload", Long.class);
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    static byte[] gzip(byte[] content) throws IOException {
        var out = new ByteArrayOutputStream();
        try (var gz = new GZIPOutputStream(out)) {
            gz.write(content);
        }
        return out.toByteArray();
    }

    static byte[] tar(Map<String, String> files) throws IOException {
        var out = new ByteArrayOutputStream();
        try (var tar = new TarArchiveOutputStream(out)) {
            for (var e : new java.util.TreeMap<>(files).entrySet()) {
                byte[] b = bytes(e.getValue());
                TarArchiveEntry entry = new TarArchiveEntry(e.getKey());
                entry.setSize(b.length);
                tar.putArchiveEntry(entry);
                tar.write(b);
                tar.closeArchiveEntry();
            }
        }
        return out.toByteArray();
    }
}
