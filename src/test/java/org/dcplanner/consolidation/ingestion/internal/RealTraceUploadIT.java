package org.dcplanner.consolidation.ingestion.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.dcplanner.consolidation.PostgresIntegrationTest;
import org.dcplanner.consolidation.TraceFiles;
import org.dcplanner.consolidation.ingestion.Metric;
import org.dcplanner.consolidation.ingestion.WorkloadStore;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;

/** Uploads the real public traces (../shared/traces) through REST and checks them against the files. */
@SuppressWarnings({"rawtypes", "unchecked"})
class RealTraceUploadIT extends PostgresIntegrationTest {
    @Autowired
    TestRestTemplate http;

    @Autowired
    WorkloadStore store;

    @Test
    void planetLab20110303WithCloudSimProfile() throws IOException {
        Path folder = TraceFiles.require("planetlab/20110303");
        Path zip = TestZips.zipFolder(folder, "planetlab-20110303.zip", "20110303");
        var response = WorkloadUploads.upload(http, zip, null, Map.of("vmProfile", "cloudsim"));

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        Map body = response.getBody();
        String id = (String) body.get("id");
        assertThat(response.getHeaders().getLocation()).hasToString("/api/v1/workloads/" + id);
        assertThat(body)
                .containsEntry("format", "planetlab")
                .containsEntry("vmCount", 1052)
                .containsEntry("steps", 288)
                .containsEntry("stepSeconds", 300)
                .containsEntry("start", "2011-03-03T00:00:00Z")
                .containsEntry("end", "2011-03-04T00:00:00Z")
                .containsEntry("name", "planetlab-20110303");

        List<Path> files = sortedFiles(folder);
        var loaded = store.load(UUID.fromString(id), java.util.EnumSet.of(Metric.CPU, Metric.MEMORY));
        int block = (1052 + 3) / 4;
        for (int i : new int[] {0, 1, 263, 264, 700, 1051}) {
            List<String> lines = Files.readAllLines(files.get(i));
            double mhz = new double[] {2500, 2000, 1000, 500}[i / block];
            var vm = loaded.vms().get(i);
            assertThat(vm.name()).isEqualTo(files.get(i).getFileName().toString());
            assertThat(vm.cpuMhz()).isEqualTo(mhz);
            for (int step : new int[] {0, 100, 287}) {
                double pct = Integer.parseInt(lines.get(step).trim());
                assertThat(loaded.series(Metric.CPU)[i][step]).isCloseTo((float) (pct / 100 * mhz), within(1e-3f));
            }
            assertThat(loaded.series(Metric.MEMORY)[i][5]).isEqualTo((float) vm.memoryMib());
        }
        assertThat(loaded.vms()).anyMatch(vm -> vm.name().contains(" "));

        var page = http.getForObject("/api/v1/workloads/" + id + "/vms?page=1&size=10&sort=cpuPeak,desc", Map.class);
        assertThat(page)
                .containsEntry("totalElements", 1052)
                .containsEntry("number", 1)
                .containsEntry("size", 10);
        List<Map> content = (List<Map>) page.get("content");
        assertThat(content).hasSize(10);
        double previous = Double.MAX_VALUE;
        for (Map vm : content) {
            double peak = ((Number) ((Map) ((Map) vm.get("stats")).get("CPU")).get("peak")).doubleValue();
            assertThat(peak).isLessThanOrEqualTo(previous);
            previous = peak;
        }

        var aggregate = http.getForObject("/api/v1/workloads/" + id + "/aggregate", Map.class);
        assertThat((Map) aggregate.get("units")).containsEntry("CPU", "MHz");
        double expectedStep0 = 0;
        for (int i = 0; i < files.size(); i++) {
            expectedStep0 +=
                    Integer.parseInt(Files.readAllLines(files.get(i)).get(0).trim())
                            / 100.0
                            * new double[] {2500, 2000, 1000, 500}[i / block];
        }
        assertThat(((Number) ((List) ((Map) aggregate.get("demand")).get("CPU")).get(0)).doubleValue())
                .isCloseTo(expectedStep0, within(0.5));
        double peakOfSum = ((Number) ((Map) aggregate.get("peakOfSum")).get("CPU")).doubleValue();
        double sumOfPeaks = ((Number) ((Map) aggregate.get("sumOfPeaks")).get("CPU")).doubleValue();
        assertThat(peakOfSum).isLessThan(sumOfPeaks);
        assertThat((List) aggregate.get("timestamps")).hasSize(288);

        String spaced = loaded.vms().stream()
                .filter(vm -> vm.name().contains(" "))
                .findFirst()
                .orElseThrow()
                .name();
        var series = http.getForObject("/api/v1/workloads/{id}/vms/{vm}/series", Map.class, id, spaced);
        assertThat(series).containsEntry("vmId", spaced).containsEntry("start", "2011-03-03T00:00:00Z");
        assertThat((List) ((Map) series.get("series")).get("CPU")).hasSize(288);
        assertThat((Map) series.get("series")).containsOnlyKeys("CPU", "MEMORY");
        assertThat(((List) series.get("timestamps")).get(1)).isEqualTo("2011-03-03T00:05:00Z");
        var byIndex = http.getForObject("/api/v1/workloads/{id}/vms/{vm}/series", Map.class, id, "7");
        assertThat(byIndex).containsEntry("vmId", loaded.vms().get(7).name());
    }

    @Test
    void allBitbrainsRndVms() throws IOException {
        Path folder = TraceFiles.require("bitbrains-rnd/2013-7");
        Path zip = TestZips.zipFolder(folder, "bitbrains-rnd-2013-7.zip", "rnd/2013-7");
        var response = WorkloadUploads.upload(http, zip, null, Map.of());

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        Map body = response.getBody();
        long min = Long.MAX_VALUE;
        long max = Long.MIN_VALUE;
        for (Path f : sortedFiles(folder)) {
            List<String> lines = Files.readAllLines(f);
            min = Math.min(min, Long.parseLong(lines.get(1).split(";")[0].trim()));
            max = Math.max(
                    max,
                    Long.parseLong(lines.get(lines.size() - 1).split(";")[0].trim()));
        }
        long start = min / 300 * 300;
        assertThat(body)
                .containsEntry("format", "bitbrains")
                .containsEntry("vmCount", 30)
                .containsEntry("stepSeconds", 300)
                .containsEntry("steps", (int) ((max - start) / 300 + 1));
        assertThat((List) body.get("metrics")).containsExactly("CPU", "MEMORY", "DISK", "NETWORK");
        assertThat((List) body.get("warnings")).allMatch(w -> w instanceof String);
        List<String> codes = ((List<Map>) body.get("warningDetails"))
                .stream().map(w -> (String) w.get("code")).toList();
        assertThat(codes).contains("duplicate-rows", "repeated-timestamps", "zero-capacity-rows", "gap-steps-zero");

        String id = (String) body.get("id");
        var loaded = store.load(UUID.fromString(id), java.util.EnumSet.allOf(Metric.class));
        var vm1 = loaded.vms().stream()
                .filter(v -> v.name().equals("1"))
                .findFirst()
                .orElseThrow();
        assertThat(vm1.cores()).isEqualTo(2);
        assertThat(vm1.cpuMhz()).isCloseTo(5851.9989, within(1e-6));
        // 1.csv row 1: 1372629804 -> step (1372629804 - start) / 300, one sample in that step
        String[] row = Files.readAllLines(folder.resolve("1.csv")).get(1).split(";");
        int step = (int) ((Long.parseLong(row[0].trim()) - start) / 300);
        int i = vm1.index();
        assertThat(loaded.series(Metric.CPU)[i][step]).isCloseTo(Float.parseFloat(row[3].trim()), within(1e-3f));
        assertThat(loaded.series(Metric.MEMORY)[i][step])
                .isCloseTo(Float.parseFloat(row[6].trim()) / 1024, within(1e-2f));
        assertThat(loaded.series(Metric.DISK)[i][step])
                .isCloseTo(Float.parseFloat(row[7].trim()) + Float.parseFloat(row[8].trim()), within(1e-3f));
        assertThat(loaded.series(Metric.NETWORK)[i][step])
                .isCloseTo(Float.parseFloat(row[9].trim()) + Float.parseFloat(row[10].trim()), within(1e-3f));

        var del =
                http.exchange("/api/v1/workloads/" + id, org.springframework.http.HttpMethod.DELETE, null, Void.class);
        assertThat(del.getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
        assertThat(http.getForEntity("/api/v1/workloads/" + id, Map.class).getStatusCode())
                .isEqualTo(HttpStatus.NOT_FOUND);
    }

    private static List<Path> sortedFiles(Path folder) throws IOException {
        try (Stream<Path> s = Files.list(folder)) {
            List<Path> files = new ArrayList<>(s.filter(Files::isRegularFile).toList());
            files.sort((a, b) ->
                    a.getFileName().toString().compareTo(b.getFileName().toString()));
            return files;
        }
    }
}
