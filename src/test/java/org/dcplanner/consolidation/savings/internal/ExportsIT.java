package org.dcplanner.consolidation.savings.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.dcplanner.consolidation.PostgresIntegrationTest;
import org.dcplanner.consolidation.planning.PlanningTestDoubles;
import org.dcplanner.consolidation.simulation.internal.SolvedPlans;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/** Savings and the per-host summary as CSV and XLSX carry the same figures as their JSON. */
@Import(PlanningTestDoubles.class)
class ExportsIT extends PostgresIntegrationTest {
    private static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    @Autowired
    TestRestTemplate http;

    @Autowired
    PlanningTestDoubles.InMemoryWorkloads workloads;

    private ResponseEntity<byte[]> get(String path, String accept) {
        HttpHeaders headers = new HttpHeaders();
        headers.setAccept(List.of(MediaType.parseMediaType(accept)));
        return http.exchange(path, HttpMethod.GET, new HttpEntity<>(headers), byte[].class);
    }

    @Test
    void savingsAndHostSummaryExportAsCsvAndXlsxWithTheJsonFigures() throws Exception {
        UUID plan = SolvedPlans.solve(http, workloads.put(SolvedPlans.webWorkload(8, 12)), "PARAVIRTUAL");
        String base = "/api/v1/plans/" + plan;
        SolvedPlans.awaitSimulation(http, plan, "");

        JsonNode savings = http.getForObject(base + "/savings", JsonNode.class);
        ResponseEntity<byte[]> csv = get(base + "/savings", "text/csv");
        assertThat(csv.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(csv.getHeaders().getContentType().toString()).startsWith("text/csv");
        assertThat(csv.getHeaders().getFirst(HttpHeaders.CONTENT_DISPOSITION)).contains("savings-" + plan + ".csv");
        List<String> lines =
                new String(csv.getBody(), StandardCharsets.UTF_8).lines().toList();
        assertThat(lines.get(0)).isEqualTo("figure,unit,before,after,saved,savedPercent");
        String servers =
                lines.stream().filter(l -> l.startsWith("Servers,")).findFirst().orElseThrow();
        assertThat(servers)
                .startsWith("Servers,servers,"
                        + savings.get("before").get("serverCount").asInt() + ","
                        + savings.get("after").get("serverCount").asInt() + ",");

        ResponseEntity<byte[]> xlsx = get(base + "/savings", XLSX);
        assertThat(xlsx.getStatusCode()).isEqualTo(HttpStatus.OK);
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(xlsx.getBody()))) {
            assertThat(book.getNumberOfSheets()).isEqualTo(3);
            Sheet sheet = book.getSheet("Savings");
            assertThat(sheet.getRow(0).getCell(0).getStringCellValue()).isEqualTo("figure");
            double totalSaved = savings.get("savings").get("totalUsdPerYear").asDouble();
            boolean found = false;
            for (int r = 1; r <= sheet.getLastRowNum(); r++) {
                if (sheet.getRow(r).getCell(0).getStringCellValue().equals("Total cost per year")) {
                    assertThat(sheet.getRow(r).getCell(4).getNumericCellValue())
                            .isCloseTo(totalSaved, org.assertj.core.api.Assertions.within(1e-6));
                    found = true;
                }
            }
            assertThat(found).as("a 'Total cost per year' row").isTrue();
            assertThat(book.getSheet("Assumptions").getRow(1).getCell(2).getStringCellValue())
                    .isNotBlank();
        }

        JsonNode hosts = http.getForObject(base + "/simulation/host-summary", JsonNode.class);
        JsonNode sim = http.getForObject(base + "/simulation", JsonNode.class);
        assertThat(hosts.size())
                .isEqualTo(sim.get("hosts").get("total").asInt())
                .isPositive();
        double peakCpu = 0;
        for (JsonNode h : hosts) {
            assertThat(h.get("vmCount").asInt()).isPositive();
            peakCpu = Math.max(peakCpu, h.get("peakCpuPercent").asDouble());
        }
        // the busiest host's CPU peak is the replay's plan-level CPU peak the dashboard shows
        assertThat(peakCpu)
                .isCloseTo(
                        100
                                * sim.get("metrics")
                                        .get("peakUtilizationByResource")
                                        .get("CPU")
                                        .asDouble(),
                        org.assertj.core.api.Assertions.within(0.051));
        List<String> hostCsv = new String(
                        get(base + "/simulation/host-summary", "text/csv").getBody(), StandardCharsets.UTF_8)
                .lines()
                .toList();
        assertThat(hostCsv.get(0)).startsWith("host,model,vms,peakCpuPercent,peakMemoryPercent");
        assertThat(hostCsv).hasSize(hosts.size() + 1);
        assertThat(hostCsv.get(1))
                .startsWith(hosts.get(0).get("host").asInt() + ","
                        + hosts.get(0).get("modelId").asText() + ","
                        + hosts.get(0).get("vmCount").asInt() + ",");
        ResponseEntity<byte[]> hostXlsx = get(base + "/simulation/host-summary", XLSX);
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(hostXlsx.getBody()))) {
            assertThat(book.getSheet("Hosts").getLastRowNum()).isEqualTo(hosts.size());
        }
    }
}
