package org.dcplanner.consolidation.planning;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.UUID;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.util.LinkedMultiValueMap;

/** Uploads hand-made CPU series as a generic CSV with an inventory through the real ingestion API. */
final class CsvUploads {
    private CsvUploads() {}

    /**
     * VMs "vm 0".. with the given CPU MHz series (memory 512 MiB, 300 s steps from 2026-01-05 00:00 UTC), each
     * compute-class, paravirtualization-capable, with {@code cores} vCPUs and {@code cpuMhz} configured in total.
     */
    static UUID upload(TestRestTemplate http, String name, int cores, int cpuMhz, float[]... cpuSeries) {
        StringBuilder trace = new StringBuilder("vm,timestamp,cpuMhz,memoryMib\n");
        StringBuilder inventory = new StringBuilder(
                "vm,cores,cpuMhz,memoryMib,guestOs,paravirtCapable,workloadClass,antiAffinityGroup\n");
        Instant start = Instant.parse("2026-01-05T00:00:00Z");
        for (int vm = 0; vm < cpuSeries.length; vm++) {
            inventory
                    .append("vm ")
                    .append(vm)
                    .append(',')
                    .append(cores)
                    .append(',')
                    .append(cpuMhz)
                    .append(",1024,linux,yes,compute,\n");
            for (int t = 0; t < cpuSeries[vm].length; t++) {
                trace.append("vm ")
                        .append(vm)
                        .append(',')
                        .append(start.plusSeconds(300L * t))
                        .append(',')
                        .append(cpuSeries[vm][t])
                        .append(",512\n");
            }
        }
        var form = new LinkedMultiValueMap<String, Object>();
        form.add("file", file("trace.csv", trace));
        form.add("inventory", file("inventory.csv", inventory));
        form.add("name", name);
        ResponseEntity<JsonNode> created = http.postForEntity("/api/v1/workloads", form, JsonNode.class);
        assertThat(created.getStatusCode())
                .as(String.valueOf(created.getBody()))
                .isEqualTo(HttpStatus.CREATED);
        return UUID.fromString(created.getBody().get("id").asText());
    }

    /** VMs whose CPU alternates 3000/1000 MHz in anti-phase pairs, 1 vCPU of 4000 MHz each. */
    static UUID antiPhase(TestRestTemplate http, String name, int vms, int steps) {
        float[][] cpu = new float[vms][steps];
        for (int vm = 0; vm < vms; vm++) {
            for (int t = 0; t < steps; t++) cpu[vm][t] = (t + vm) % 2 == 0 ? 3000 : 1000;
        }
        return upload(http, name, 1, 4000, cpu);
    }

    private static ByteArrayResource file(String name, CharSequence content) {
        return new ByteArrayResource(content.toString().getBytes(StandardCharsets.UTF_8)) {
            @Override
            public String getFilename() {
                return name;
            }
        };
    }
}
