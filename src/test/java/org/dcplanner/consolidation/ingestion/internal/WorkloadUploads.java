package org.dcplanner.consolidation.ingestion.internal;

import java.nio.file.Path;
import java.util.Map;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.io.FileSystemResource;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.LinkedMultiValueMap;

/** Multipart uploads to POST /api/v1/workloads for ITs. */
final class WorkloadUploads {
    private WorkloadUploads() {}

    @SuppressWarnings({"rawtypes", "unchecked"})
    static ResponseEntity<Map> upload(TestRestTemplate http, Path file, Path inventory, Map<String, String> params) {
        var body = new LinkedMultiValueMap<String, Object>();
        body.add("file", new FileSystemResource(file));
        if (inventory != null) body.add("inventory", new FileSystemResource(inventory));
        params.forEach(body::add);
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.MULTIPART_FORM_DATA);
        return http.postForEntity("/api/v1/workloads", new HttpEntity<>(body, headers), Map.class);
    }
}
