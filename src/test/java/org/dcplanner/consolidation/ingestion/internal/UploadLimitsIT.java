package org.dcplanner.consolidation.ingestion.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.Map;
import org.dcplanner.consolidation.PostgresIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.TestPropertySource;

/** The configurable size limits: multipart size (413) and the archive's expanded-size cap (413). */
@TestPropertySource(
        properties = {
            "spring.servlet.multipart.max-file-size=200KB",
            "spring.servlet.multipart.max-request-size=300KB",
            "app.ingestion.max-expanded-bytes=100000"
        })
@SuppressWarnings("rawtypes")
class UploadLimitsIT extends PostgresIntegrationTest {
    @Autowired
    TestRestTemplate http;

    @Autowired
    JdbcTemplate jdbc;

    private long workloads() {
        return jdbc.queryForObject("select count(*) from workload", Long.class);
    }

    @Test
    void uploadAboveTheMultipartLimitIs413() throws IOException {
        long before = workloads();
        var file = TestZips.file("big.csv", ("vm,timestamp,cpuMhz\n" + "a,0,1\n".repeat(60_000)).getBytes());
        var r = WorkloadUploads.upload(http, file, null, Map.of());
        assertThat(r.getStatusCode().value()).isEqualTo(413);
        assertThat(r.getBody()).containsEntry("type", "/problems/upload-too-large");
        assertThat(workloads()).isEqualTo(before);
    }

    @Test
    void archiveExpandingBeyondTheCapIs413() throws IOException {
        long before = workloads();
        var zip =
                TestZips.zip("expands.zip", Map.of("vm1", "1\n".repeat(100_000).getBytes()));
        var r = WorkloadUploads.upload(http, zip, null, Map.of());
        assertThat(r.getStatusCode().value()).isEqualTo(413);
        assertThat(r.getBody()).containsEntry("type", "/problems/zip-bomb").containsEntry("file", "vm1");
        assertThat(workloads()).isEqualTo(before);
    }
}
