package org.dcplanner.consolidation.ingestion.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.dcplanner.consolidation.PostgresIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.jdbc.core.JdbcTemplate;

/** Every file in sample-workloads/ uploads as its README says (the generator and the parsers agree). */
@SuppressWarnings({"rawtypes", "unchecked"})
class SampleWorkloadsUploadIT extends PostgresIntegrationTest {
    private static final Path SAMPLES = Path.of("sample-workloads");

    @Autowired
    TestRestTemplate http;

    @Autowired
    JdbcTemplate jdbc;

    private Map created(String file, String inventory, Map<String, String> params) {
        var r = WorkloadUploads.upload(
                http, SAMPLES.resolve(file), inventory == null ? null : SAMPLES.resolve(inventory), params);
        assertThat(r.getStatusCode().value()).as(String.valueOf(r.getBody())).isEqualTo(201);
        return r.getBody();
    }

    @Test
    void planetLabSampleWithItsInventory() {
        Map w = created(
                "planetlab-small.zip", "inventory-planetlab-small.csv", Map.of("start", "2026-01-05T00:00:00Z"));
        assertThat(w)
                .containsEntry("format", "planetlab")
                .containsEntry("vmCount", 40)
                .containsEntry("steps", 288)
                .containsEntry("start", "2026-01-05T00:00:00Z");
        assertThat(((List<Map>) w.get("warningDetails")))
                .noneMatch(x -> x.get("code").equals("size-from-profile"));
    }

    @Test
    void bitbrainsSample() {
        Map w = created("bitbrains-small.zip", null, Map.of());
        assertThat(w)
                .containsEntry("format", "bitbrains")
                .containsEntry("vmCount", 12)
                .containsEntry("steps", 288)
                .containsEntry("stepSeconds", 300)
                .containsEntry("start", "2026-01-05T00:00:00Z");
        assertThat((List) w.get("metrics")).hasSize(4);
    }

    @Test
    void genericCsvSampleWithItsInventory() {
        Map w = created("generic-small.csv", "inventory-small.csv", Map.of());
        assertThat(w)
                .containsEntry("format", "csv")
                .containsEntry("vmCount", 60)
                .containsEntry("steps", 288)
                .containsEntry("stepSeconds", 300)
                .containsEntry("name", "generic-small");
        var page = http.getForObject("/api/v1/workloads/" + w.get("id") + "/vms?size=100", Map.class);
        assertThat((List<Map>) page.get("content")).anyMatch(vm -> vm.get("antiAffinityGroup") != null);
    }

    @Test
    void malformedSampleNamesLine19AndCpuMhz() {
        long before = jdbc.queryForObject("select count(*) from workload", Long.class);
        var r = WorkloadUploads.upload(http, SAMPLES.resolve("malformed-example.csv"), null, Map.of());
        assertThat(r.getStatusCode().value()).isEqualTo(422);
        assertThat(r.getBody())
                .containsEntry("file", "malformed-example.csv")
                .containsEntry("line", 19)
                .containsEntry("field", "cpuMhz")
                .containsEntry("type", "/problems/non-numeric");
        assertThat(jdbc.queryForObject("select count(*) from workload", Long.class))
                .isEqualTo(before);
    }

    @Test
    void publicTraceSamplesAreReadWithTheirOwnSizes() {
        Map azure = created("azure-small.zip", null, Map.of("start", "2026-01-05T00:00:00Z"));
        assertThat(azure)
                .containsEntry("format", "azure")
                .containsEntry("vmCount", 12)
                .containsEntry("steps", 288)
                .containsEntry("start", "2026-01-05T00:00:00Z");
        Map alibaba = created("alibaba-small.zip", null, Map.of());
        assertThat(alibaba)
                .containsEntry("format", "alibaba")
                .containsEntry("vmCount", 12)
                .containsEntry("steps", 288);
        Map google = created("google-small.csv", null, Map.of());
        assertThat(google)
                .containsEntry("format", "google")
                .containsEntry("vmCount", 12)
                .containsEntry("steps", 288);
        Map prometheus = created("prometheus-small.zip", null, Map.of());
        assertThat(prometheus)
                .containsEntry("format", "prometheus")
                .containsEntry("vmCount", 12)
                .containsEntry("start", "2026-01-05T00:00:00Z");
        for (Map w : List.of(azure, alibaba)) {
            assertThat(((List<Map>) w.get("warningDetails")))
                    .noneMatch(x -> x.get("code").equals("size-from-profile"));
        }
    }

    @Test
    void vcenterStatisticsWithTheRvToolsWorkbookKeepTodaysPlacement() {
        Map w = created("vcenter-small.csv.gz", "rvtools-small.xlsx", Map.of());
        assertThat(w)
                .containsEntry("format", "vcenter")
                .containsEntry("vmCount", 12)
                .containsEntry("steps", 288)
                .containsEntry("name", "vcenter-small");
        assertThat(((List<Map>) w.get("warningDetails")))
                .anyMatch(x -> x.get("code").equals("inventory-vms-without-trace")
                        && x.get("count").equals(2));
        var vms = (List<Map>) http.getForObject("/api/v1/workloads/" + w.get("id") + "/vms?size=100", Map.class)
                .get("content");
        // RVTools: CPUs x the host's Speed (2600 MHz per core), Memory in MiB, the guest OS of VMware Tools
        assertThat(vms)
                .allMatch(vm ->
                        ((Number) vm.get("cpuMhz")).doubleValue() == ((Number) vm.get("cores")).intValue() * 2600.0)
                .allMatch(vm -> "Ubuntu Linux (64-bit)".equals(vm.get("guestOs")));
        Map estate = http.getForObject("/api/v1/workloads/" + w.get("id") + "/estate", Map.class);
        assertThat((List<Map>) estate.get("hosts")).hasSize(3).allMatch(h -> "PowerEdge R640".equals(h.get("model")));
        assertThat((List<Map>) estate.get("vms"))
                .hasSize(12)
                .allMatch(vm -> "poweredOn".equals(vm.get("powerState")) && vm.get("currentHost") != null);
    }

    @Test
    void ariaOperationsWideExportGzippedReadsTheSameVmsAsTheVcenterStatistics() {
        Map aria = created("aria-small.csv.gz", "rvtools-small.xlsx", Map.of());
        assertThat(aria)
                .containsEntry("format", "aria")
                .containsEntry("vmCount", 12)
                .containsEntry("steps", 288)
                .containsEntry("start", "2026-01-05T00:00:00Z")
                .containsEntry("metrics", List.of("CPU", "MEMORY"));
        Map vcenter = created("vcenter-small.csv.gz", null, Map.of());
        var ariaVms = (List<Map>) http.getForObject("/api/v1/workloads/" + aria.get("id") + "/vms?size=100", Map.class)
                .get("content");
        var vcenterVms =
                (List<Map>) http.getForObject("/api/v1/workloads/" + vcenter.get("id") + "/vms?size=100", Map.class)
                        .get("content");
        assertThat(ariaVms).hasSize(vcenterVms.size());
        for (int i = 0; i < ariaVms.size(); i++) {
            assertThat(ariaVms.get(i).get("name")).isEqualTo(vcenterVms.get(i).get("name"));
            // the vCenter sample rounds MHz to whole numbers, the Aria sample keeps 3 decimals
            assertThat(peak(ariaVms.get(i), "CPU"))
                    .isCloseTo(peak(vcenterVms.get(i), "CPU"), org.assertj.core.data.Offset.offset(0.5));
        }
    }

    private static double peak(Map vm, String metric) {
        return ((Number) ((Map) ((Map) vm.get("stats")).get(metric)).get("peak")).doubleValue();
    }
}
