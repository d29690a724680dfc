package org.dcplanner.consolidation.ingestion.prometheus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.dcplanner.consolidation.PostgresIntegrationTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;

/**
 * POST /api/v1/workloads/prometheus against a tiny fake Prometheus on 127.0.0.1 started here: the pull runs
 * as a background job with progress, the workload is stored; a non-http URL is refused; an answer above the
 * size bound (20,000 bytes in every IT's configuration, {@link PostgresIntegrationTest}) and a server error end
 * the pull FAILED with a problem.
 */
@SuppressWarnings({"rawtypes", "unchecked"})
class PrometheusImportIT extends PostgresIntegrationTest {
    @Autowired
    TestRestTemplate http;

    @Autowired
    org.springframework.jdbc.core.JdbcTemplate jdbc;

    private HttpServer prometheus;
    private final Map<String, Integer> queriesSeen = new HashMap<>();

    @BeforeEach
    void fakePrometheus() throws IOException {
        prometheus = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        prometheus.createContext("/api/v1/query_range", exchange -> {
            Map<String, String> q = new HashMap<>();
            for (String kv : exchange.getRequestURI().getRawQuery().split("&")) {
                String[] p = kv.split("=", 2);
                q.put(p[0], URLDecoder.decode(p[1], StandardCharsets.UTF_8));
            }
            queriesSeen.merge(q.get("query"), 1, Integer::sum);
            long start = Long.parseLong(q.get("start"));
            long end = Long.parseLong(q.get("end"));
            long step = Long.parseLong(q.get("step"));
            int status = 200;
            String body;
            if (q.get("query").contains("broken")) {
                status = 400;
                body = "{\"status\":\"error\",\"errorType\":\"bad_data\",\"error\":\"parse error\"}";
            } else {
                boolean huge = q.get("query").contains("huge");
                StringBuilder b =
                        new StringBuilder("{\"status\":\"success\",\"data\":{\"resultType\":\"matrix\",\"result\":[");
                for (int vm = 0; vm < (huge ? 200 : 3); vm++) {
                    b.append(vm == 0 ? "" : ",")
                            .append("{\"metric\":{\"instance\":\"node-")
                            .append(vm)
                            .append(":9100\"},\"values\":[");
                    for (long t = start; t <= end; t += step) {
                        b.append(t == start ? "" : ",")
                                .append('[')
                                .append(t)
                                .append(",\"")
                                .append(q.get("query").startsWith("mem") ? 1073741824L * (vm + 1) : 10 + vm)
                                .append("\"]");
                    }
                    b.append("]}");
                }
                body = b.append("]}}").toString();
            }
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(status, bytes.length);
            exchange.getResponseBody().write(bytes);
            exchange.close();
        });
        prometheus.start();
    }

    @AfterEach
    void stop() {
        prometheus.stop(0);
    }

    private String url() {
        return "http://127.0.0.1:" + prometheus.getAddress().getPort();
    }

    private Map pull(Map<String, String> queries) {
        return pull(http, queries);
    }

    private Map pull(TestRestTemplate http, Map<String, String> queries) {
        Map<String, Object> body = Map.of(
                "url",
                url(),
                "start",
                "2026-01-05T00:00:00Z",
                "end",
                "2026-01-05T02:00:00Z",
                "stepSeconds",
                300,
                "queries",
                queries,
                "name",
                "from prometheus");
        var r = http.postForEntity("/api/v1/workloads/prometheus", body, Map.class);
        assertThat(r.getStatusCode().value()).as("%s", r.getBody()).isEqualTo(202);
        URI location = r.getHeaders().getLocation();
        await().atMost(Duration.ofMinutes(3))
                .pollInterval(Duration.ofMillis(250))
                .until(() -> {
                    String status =
                            (String) http.getForObject(location, Map.class).get("status");
                    return status.equals("COMPLETED") || status.equals("FAILED");
                });
        return http.getForObject(location, Map.class);
    }

    @Test
    void theWorkloadLandsInTheWorkspaceTheImportWasRequestedFrom() {
        TestRestTemplate other = http.withBasicAuth(
                org.dcplanner.consolidation.TestUsers.OTHER_PLANNER, org.dcplanner.consolidation.TestUsers.PASSWORD);
        Map done = pull(other, Map.of("cpuPercent", "node_cpu_busy_percent"));
        assertThat(done).containsEntry("status", "COMPLETED");
        Object workload = done.get("workloadId");
        assertThat(jdbc.queryForObject(
                        "select workspace from workload where id = ?::uuid", String.class, String.valueOf(workload)))
                .as("stored by the job thread")
                .isEqualTo("other");
        assertThat(other.getForEntity("/api/v1/workloads/" + workload, String.class)
                        .getStatusCode()
                        .value())
                .isEqualTo(200);
        assertThat(http.getForEntity("/api/v1/workloads/" + workload, String.class)
                        .getStatusCode()
                        .value())
                .isEqualTo(404);
    }

    @Test
    void pullsOneQueryPerResourceIntoAWorkload() {
        Map done = pull(Map.of("cpuPercent", "node_cpu_busy_percent", "memoryBytes", "mem_used_bytes"));
        assertThat(done)
                .containsEntry("status", "COMPLETED")
                .containsEntry("queriesDone", 2)
                .containsEntry("queriesTotal", 2);
        Map w = http.getForObject("/api/v1/workloads/" + done.get("workloadId"), Map.class);
        assertThat(w)
                .containsEntry("format", "prometheus")
                .containsEntry("vmCount", 3)
                .containsEntry("name", "from prometheus")
                .containsEntry("stepSeconds", 300)
                .containsEntry("start", "2026-01-05T00:00:00Z");
        assertThat((List) w.get("metrics")).containsExactly("CPU", "MEMORY");
        Map series =
                http.getForObject("/api/v1/workloads/" + done.get("workloadId") + "/vms/node-1:9100/series", Map.class);
        assertThat((List<Number>) ((Map) series.get("series")).get("MEMORY"))
                .first()
                .extracting(Number::doubleValue)
                .isEqualTo(2048.0); // 2 GiB
        assertThat(queriesSeen).containsKeys("node_cpu_busy_percent", "mem_used_bytes");
    }

    @Test
    void aServerErrorOrAnOversizedAnswerFailsThePullWithAProblem() {
        Map broken = pull(Map.of("cpuPercent", "broken("));
        assertThat(broken).containsEntry("status", "FAILED");
        assertThat((Map) broken.get("error"))
                .containsEntry("type", "/problems/prometheus-error")
                .containsEntry("field", "queries");
        Map huge = pull(Map.of("cpuPercent", "huge_query"));
        assertThat(huge).containsEntry("status", "FAILED");
        assertThat((Map) huge.get("error")).containsEntry("type", "/problems/response-too-large");
    }

    @Test
    void refusesANonHttpUrlAndAnUnknownResource() {
        var ftp = http.postForEntity(
                "/api/v1/workloads/prometheus",
                Map.of(
                        "url",
                        "file:///etc/passwd",
                        "start",
                        "2026-01-05T00:00:00Z",
                        "end",
                        "2026-01-05T02:00:00Z",
                        "queries",
                        Map.of("cpuPercent", "up")),
                Map.class);
        assertThat(ftp.getStatusCode().value()).isEqualTo(400);
        assertThat(ftp.getBody()).containsEntry("field", "url");
        var unknown = http.postForEntity(
                "/api/v1/workloads/prometheus",
                Map.of(
                        "url",
                        url(),
                        "start",
                        "2026-01-05T00:00:00Z",
                        "end",
                        "2026-01-05T02:00:00Z",
                        "queries",
                        Map.of("gpu", "up")),
                Map.class);
        assertThat(unknown.getStatusCode().value()).isEqualTo(400);
        assertThat(unknown.getBody()).containsEntry("field", "queries");
    }
}
