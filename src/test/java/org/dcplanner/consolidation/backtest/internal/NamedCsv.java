package org.dcplanner.consolidation.backtest.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.util.LinkedMultiValueMap;

/** Uploads named VMs' CPU series (300 s steps from {@link #START}, 1 vCPU of 4000 MHz, 1024 MiB) as generic CSV. */
final class NamedCsv {
    static final Instant START = Instant.parse("2026-01-05T00:00:00Z");

    private NamedCsv() {}

    static UUID upload(TestRestTemplate http, String name, Map<String, float[]> cpuByVm) {
        StringBuilder trace = new StringBuilder("vm,timestamp,cpuMhz,memoryMib\n");
        StringBuilder inventory = new StringBuilder(
                "vm,cores,cpuMhz,memoryMib,guestOs,paravirtCapable,workloadClass,antiAffinityGroup\n");
        cpuByVm.forEach((vm, series) -> {
            inventory.append(vm).append(",1,4000,1024,linux,yes,compute,\n");
            for (int t = 0; t < series.length; t++) {
                trace.append(vm)
                        .append(',')
                        .append(START.plusSeconds(300L * t))
                        .append(',')
                        .append(series[t])
                        .append(",512\n");
            }
        });
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

    static float[] flat(int steps, float mhz) {
        float[] s = new float[steps];
        java.util.Arrays.fill(s, mhz);
        return s;
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
