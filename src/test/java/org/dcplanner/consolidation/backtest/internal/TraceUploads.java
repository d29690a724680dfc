package org.dcplanner.consolidation.backtest.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Collection;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.awaitility.Awaitility;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.io.FileSystemResource;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.LinkedMultiValueMap;

/** Real-trace uploads and job polling for the out-of-sample ITs. */
final class TraceUploads {
    private static final Set<String> FINAL = Set.of("COMPLETED", "FAILED", "CANCELLED");

    private TraceUploads() {}

    /** Zips the named files of a PlanetLab day folder under "yyyyMMdd/" (the day gives the start date). */
    static Path zipDay(Path folder, Collection<String> names) {
        try {
            Path dir = Files.createDirectories(Path.of("target", "test-uploads"));
            Path zip = dir.resolve("oos-" + folder.getFileName() + ".zip");
            try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(zip))) {
                for (String n : names) {
                    out.putNextEntry(new ZipEntry(folder.getFileName() + "/" + n));
                    Files.copy(folder.resolve(n), out);
                    out.closeEntry();
                }
            }
            return zip;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static UUID upload(TestRestTemplate http, Path file, Path inventory, Map<String, String> params) {
        var body = new LinkedMultiValueMap<String, Object>();
        body.add("file", new FileSystemResource(file));
        if (inventory != null) body.add("inventory", new FileSystemResource(inventory));
        params.forEach(body::add);
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.MULTIPART_FORM_DATA);
        ResponseEntity<JsonNode> created =
                http.postForEntity("/api/v1/workloads", new HttpEntity<>(body, headers), JsonNode.class);
        assertThat(created.getStatusCode()).as("%s", created.getBody()).isEqualTo(HttpStatus.CREATED);
        return UUID.fromString(created.getBody().get("id").asText());
    }

    /** Polls a job resource until its status is final. */
    static JsonNode awaitFinal(TestRestTemplate http, String location, Duration atMost) {
        JsonNode[] last = new JsonNode[1];
        Awaitility.await().atMost(atMost).pollInterval(Duration.ofMillis(500)).until(() -> {
            last[0] = http.getForObject(location, JsonNode.class);
            return FINAL.contains(last[0].get("status").asText());
        });
        return last[0];
    }
}
