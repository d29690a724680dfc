package org.dcplanner.consolidation.planning;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.dcplanner.consolidation.PostgresIntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.io.FileSystemResource;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.util.LinkedMultiValueMap;

/**
 * An RVTools export uploaded alone (the sample's 12 running VMs on 3 hosts, 2 powered-off VMs): a one-step workload
 * of each VM's vCPU Overall and vMemory Consumed with today's estate, planned and replayed through the REST API, every
 * plan carrying the snapshot caveat; back-tests refuse it.
 */
class SnapshotWorkloadIT extends PostgresIntegrationTest {
    @Autowired
    TestRestTemplate http;

    private JsonNode workload;

    @BeforeEach
    void upload() {
        var form = new LinkedMultiValueMap<String, Object>();
        form.add("file", new FileSystemResource(Path.of("sample-workloads", "rvtools-small.xlsx")));
        form.add("start", "2026-01-05T14:00:00Z");
        ResponseEntity<JsonNode> created = http.postForEntity("/api/v1/workloads", form, JsonNode.class);
        assertThat(created.getStatusCode()).as("%s", created.getBody()).isEqualTo(HttpStatus.CREATED);
        workload = created.getBody();
    }

    private UUID id() {
        return UUID.fromString(workload.get("id").asText());
    }

    @Test
    void theExportAloneIsAOneStepWorkloadOfItsRunningVmsWithTodaysEstate() {
        assertThat(workload.get("format").asText()).isEqualTo("rvtools");
        assertThat(workload.get("name").asText()).isEqualTo("rvtools-small");
        assertThat(workload.get("steps").asInt()).isEqualTo(1);
        assertThat(workload.get("stepSeconds").asInt()).isEqualTo(3600);
        assertThat(workload.get("start").asText()).isEqualTo("2026-01-05T14:00:00Z");
        assertThat(workload.get("vmCount").asInt()).isEqualTo(12);
        List<String> codes = new ArrayList<>();
        workload.get("warningDetails").forEach(w -> codes.add(w.get("code").asText()));
        assertThat(codes).contains("snapshot", "snapshot-vms-left-out");

        JsonNode vms = http.getForObject("/api/v1/workloads/" + id() + "/vms?size=100", JsonNode.class);
        for (JsonNode vm : vms.get("content")) {
            assertThat(vm.at("/stats/CPU/peak").asDouble())
                    .as("one step: mean = peak for %s", vm.get("name").asText())
                    .isEqualTo(vm.at("/stats/CPU/mean").asDouble())
                    .isPositive();
            assertThat(vm.at("/stats/MEMORY/peak").asDouble()).isPositive();
        }

        JsonNode estate = http.getForObject("/api/v1/workloads/" + id() + "/estate", JsonNode.class);
        assertThat(estate.get("hosts")).hasSize(3);
        assertThat(estate.get("vms").size()).isGreaterThanOrEqualTo(12);
    }

    @Test
    void aPlanOnItCarriesTheSnapshotCaveatAndReplays() {
        Map<String, Object> body = PlanApi.request(id(), "dell-r740", 3, "HARDWARE_ASSISTED", 3);
        body.put("resources", List.of("CPU", "MEMORY"));
        ResponseEntity<JsonNode> accepted = PlanApi.post(http, body);
        assertThat(accepted.getStatusCode()).as("%s", accepted.getBody()).isEqualTo(HttpStatus.ACCEPTED);
        JsonNode plan =
                PlanApi.awaitStatus(http, accepted.getHeaders().getLocation().toString(), "COMPLETED");
        assertThat(plan.at("/overloadRisk/caveat").asText()).startsWith("Sized on a snapshot");

        String planPath = "/api/v1/plans/" + plan.get("id").asText();
        ResponseEntity<JsonNode> replay = http.postForEntity(planPath + "/simulations", null, JsonNode.class);
        assertThat(replay.getStatusCode()).as("%s", replay.getBody()).isEqualTo(HttpStatus.ACCEPTED);
        String location = replay.getHeaders().getLocation().toString();
        JsonNode[] run = new JsonNode[1];
        org.awaitility.Awaitility.await()
                .atMost(java.time.Duration.ofSeconds(120))
                .pollInterval(java.time.Duration.ofMillis(300))
                .until(() -> {
                    run[0] = http.getForObject(location, JsonNode.class);
                    return !List.of("QUEUED", "RUNNING")
                            .contains(run[0].path("status").asText());
                });
        assertThat(run[0].path("status").asText()).as("%s", run[0]).isEqualTo("COMPLETED");
        assertThat(run[0].get("hosts").size()).as("%s", run[0]).isPositive();
    }

    @Test
    void backTestsRefuseASnapshot() {
        ResponseEntity<JsonNode> r = http.postForEntity(
                "/api/v1/backtests",
                Map.of(
                        "workloadId",
                        id(),
                        "trainingDays",
                        1,
                        "testDays",
                        1,
                        "plan",
                        Map.of(
                                "hostPool",
                                List.of(Map.of("model", "dell-r740", "count", 3)),
                                "virtualization",
                                "HARDWARE_ASSISTED")),
                JsonNode.class);
        assertThat(r.getStatusCode()).as("%s", r.getBody()).isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
        assertThat(r.getHeaders().getContentType().toString()).startsWith("application/problem+json");
        assertThat(r.getBody().get("type").asText()).isEqualTo("/problems/snapshot-workload");
        assertThat(r.getBody().get("field").asText()).isEqualTo("workloadId");
    }

    @Test
    void aZipOfTheCsvSheetsIsASnapshotTooAndTheAssumedShareSizesVmsWithoutOverall() throws Exception {
        var zipped = new java.io.ByteArrayOutputStream();
        try (var zip = new java.util.zip.ZipOutputStream(zipped)) {
            zip.putNextEntry(new java.util.zip.ZipEntry("export/RVTools_tabvInfo.csv"));
            zip.write("VM,Powerstate,Template,CPUs,Memory,Cluster,Host\napp-1,poweredOn,False,4,8192,Prod,esx09\n"
                    .getBytes(java.nio.charset.StandardCharsets.UTF_8));
            zip.putNextEntry(new java.util.zip.ZipEntry("export/RVTools_tabvHost.csv"));
            zip.write("Host,Cluster,Vendor,Model,Speed,# CPU,# Cores,# Memory\nesx09,Prod,HPE,DL360,2500,2,32,524288\n"
                    .getBytes(java.nio.charset.StandardCharsets.UTF_8));
        }
        var form = new LinkedMultiValueMap<String, Object>();
        form.add("file", new org.springframework.core.io.ByteArrayResource(zipped.toByteArray()) {
            @Override
            public String getFilename() {
                return "export.zip";
            }
        });
        form.add("assumedCpuPercent", "30");
        form.add("validateOnly", "true");
        ResponseEntity<JsonNode> r = http.postForEntity("/api/v1/workloads", form, JsonNode.class);
        assertThat(r.getStatusCode()).as("%s", r.getBody()).isEqualTo(HttpStatus.OK);
        assertThat(r.getBody().get("format").asText()).isEqualTo("rvtools");
        assertThat(r.getBody().get("steps").asInt()).isEqualTo(1);
        assertThat(r.getBody().get("vmCount").asInt()).isEqualTo(1);
        List<String> codes = new ArrayList<>();
        r.getBody().get("warningDetails").forEach(w -> codes.add(w.get("code").asText()));
        assertThat(codes).contains("snapshot-cpu-assumed", "memory-from-size");
    }
}
