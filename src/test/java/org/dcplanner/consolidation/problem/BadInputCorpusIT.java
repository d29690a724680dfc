package org.dcplanner.consolidation.problem;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.awaitility.Awaitility;
import org.dcplanner.consolidation.ApiClient;
import org.dcplanner.consolidation.PostgresIntegrationTest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The bad-input corpus ({@code src/test/resources/bad-input/corpus.json}, one JSON object per case):
 * each case's request gets exactly its status, a problem+json body of its type (and field, when given),
 * stores nothing (row counts of every table before and after) and leaves the service healthy.
 * Placeholders: {@code ${workload}} and {@code ${plan}} (a stored workload and a completed plan),
 * {@code ${missing}} (an id that exists nowhere).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BadInputCorpusIT extends PostgresIntegrationTest {
    private static final List<String> TABLES = List.of(
            "workload",
            "workload_vm",
            "workload_series",
            "host_models",
            "plans",
            "simulation_run",
            "savings_assumptions",
            "current_server",
            "scheduled_tasks");
    private static final ObjectMapper JSON = new ObjectMapper();

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    ApiClient api;
    final Map<String, String> placeholders = new LinkedHashMap<>();

    @BeforeAll
    void fixture() throws IOException {
        api = ApiClient.onPort(port);
        String csv = "vm,timestamp,cpuMhz,memoryMib\n"
                + "vm-1,2026-01-05T00:00:00Z,100,512\nvm-1,2026-01-05T00:05:00Z,120,512\n"
                + "vm-2,2026-01-05T00:00:00Z,300,1024\nvm-2,2026-01-05T00:05:00Z,200,1024\n";
        Multipart upload = new Multipart().file("file", "corpus.csv", csv.getBytes(StandardCharsets.UTF_8));
        HttpResponse<String> workload = api.send(upload.post(api, "/api/v1/workloads"));
        assertThat(workload.statusCode()).as(workload.body()).isEqualTo(201);
        String workloadId = JSON.readTree(workload.body()).get("id").asText();
        HttpResponse<String> plan = api.postJson(
                "/api/v1/plans",
                "{\"workloadId\":\"" + workloadId + "\",\"hostPool\":"
                        + "[{\"model\":\"dell-r6515\",\"count\":2}],\"virtualization\":\"HARDWARE_ASSISTED\",\"timeLimitSeconds\":1}");
        assertThat(plan.statusCode()).as(plan.body()).isEqualTo(202);
        String planId = JSON.readTree(plan.body()).get("id").asText();
        Awaitility.await()
                .atMost(Duration.ofMinutes(3))
                .pollInterval(Duration.ofMillis(500))
                .until(() -> "COMPLETED"
                        .equals(JSON.readTree(api.get("/api/v1/plans/" + planId).body())
                                .get("status")
                                .asText()));
        // background jobs the plan triggered (its replay) end before counting rows
        Awaitility.await()
                .atMost(Duration.ofMinutes(3))
                .pollInterval(Duration.ofMillis(500))
                .until(() -> jdbc.queryForObject("select count(*) from scheduled_tasks", Long.class) == 0);
        placeholders.put("${workload}", workloadId);
        placeholders.put("${plan}", planId);
        placeholders.put("${missing}", UUID.randomUUID().toString());
    }

    static Stream<Arguments> corpus() throws IOException {
        try (InputStream in = BadInputCorpusIT.class.getResourceAsStream("/bad-input/corpus.json")) {
            JsonNode cases = JSON.readTree(in);
            List<Arguments> out = new ArrayList<>();
            cases.forEach(c -> out.add(Arguments.of(c.get("name").asText(), c)));
            return out.stream();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("corpus")
    void refusedWithItsProblemAndNothingStored(String name, JsonNode c) throws IOException {
        Map<String, Long> before = rowCounts();

        Response response = send(c);

        assertThat(response.status())
                .as(name + ": " + response.body())
                .isEqualTo(c.get("status").asInt());
        assertThat(response.contentType()).as(name).startsWith("application/problem+json");
        JsonNode problem = JSON.readTree(response.body());
        assertThat(problem.get("status").asInt()).isEqualTo(c.get("status").asInt());
        if (c.hasNonNull("type")) {
            assertThat(problem.get("type").asText())
                    .as(name + ": " + response.body())
                    .isEqualTo("/problems/" + c.get("type").asText());
        }
        if (c.hasNonNull("field")) {
            assertThat(problem.path("field").asText())
                    .as(name + ": " + response.body())
                    .isEqualTo(c.get("field").asText());
        }
        assertThat(rowCounts()).as(name + ": rows stored").isEqualTo(before);
        HttpResponse<String> health = api.get("/actuator/health");
        assertThat(health.statusCode()).as(name + ": health after").isEqualTo(200);
    }

    /** Every table's row count, in one query (a case reads them twice). */
    private Map<String, Long> rowCounts() {
        String select = TABLES.stream()
                .map(table -> "(select count(*) from " + table + ")")
                .collect(java.util.stream.Collectors.joining(", ", "select ", ""));
        return jdbc.queryForObject(select, (row, n) -> {
            Map<String, Long> counts = new LinkedHashMap<>();
            for (int i = 0; i < TABLES.size(); i++) counts.put(TABLES.get(i), row.getLong(i + 1));
            return counts;
        });
    }

    record Response(int status, String contentType, String body) {}

    private Response send(JsonNode c) throws IOException {
        if (c.has("raw")) return parseRaw(api.raw(c.get("raw").asText()));
        String method = c.get("method").asText();
        String path = fill(c.get("path").asText());
        HttpRequest request;
        if (c.has("multipart")) {
            request = multipart(c.get("multipart")).post(api, path);
        } else if (c.has("truncated_multipart")) {
            request = Multipart.truncated(api, path);
        } else {
            byte[] body = body(c);
            String type = c.has("contentType") ? c.get("contentType").asText() : "application/json";
            HttpRequest.BodyPublisher publisher = body == null
                    ? HttpRequest.BodyPublishers.noBody()
                    : c.path("chunked").asBoolean()
                            ? ApiClient.chunked(body)
                            : HttpRequest.BodyPublishers.ofByteArray(body);
            HttpRequest.Builder b = api.request(path).method(method, publisher);
            if (body != null) b.header("Content-Type", type);
            request = b.build();
        }
        HttpResponse<String> r = api.send(request);
        return new Response(
                r.statusCode(), r.headers().firstValue("Content-Type").orElse(""), r.body());
    }

    private byte[] body(JsonNode c) throws IOException {
        if (c.has("json")) return fill(JSON.writeValueAsString(c.get("json"))).getBytes(StandardCharsets.UTF_8);
        if (c.has("raw_json")) return fill(c.get("raw_json").asText()).getBytes(StandardCharsets.UTF_8);
        if (c.has("body")) return c.get("body").asText().getBytes(StandardCharsets.UTF_8);
        if (c.has("generate")) return generated(c.get("generate").asText());
        return null;
    }

    /** {@code pins:N}: a plan request of N bytes (mostly pins); {@code servers:N}: a current-servers CSV of N bytes. */
    private byte[] generated(String spec) {
        String[] kind = spec.split(":");
        int bytes = Integer.parseInt(kind[1]);
        StringBuilder b = new StringBuilder(bytes + 64);
        if (kind[0].equals("pins")) {
            b.append("{\"workloadId\":\"")
                    .append(placeholders.get("${workload}"))
                    .append(
                            "\",\"hostPool\":[{\"model\":\"dell-r6515\",\"count\":2}],\"virtualization\":\"FULL\",\"pinned\":{");
            for (int i = 0; b.length() < bytes; i++)
                b.append(i == 0 ? "" : ",").append("\"vm-").append(i).append("\":0");
            b.append("}}");
        } else {
            b.append("name,count,averageWatts,peakWatts,rackUnits\n");
            for (int i = 0; b.length() < bytes; i++)
                b.append("server-").append(i).append(",1,200,300,1\n");
        }
        return b.toString().getBytes(StandardCharsets.UTF_8);
    }

    private Multipart multipart(JsonNode spec) throws IOException {
        Multipart m = new Multipart();
        var params = spec.path("params").fields();
        while (params.hasNext()) {
            var p = params.next();
            m.field(p.getKey(), p.getValue().asText());
        }
        var files = spec.get("files").fields();
        while (files.hasNext()) {
            var f = files.next();
            JsonNode file = f.getValue();
            byte[] content = file.has("zip")
                    ? zip(file.get("zip"))
                    : file.get("text").asText().getBytes(StandardCharsets.UTF_8);
            m.file(f.getKey(), file.get("filename").asText(), content);
        }
        return m;
    }

    private static byte[] zip(JsonNode entries) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            var it = entries.fields();
            while (it.hasNext()) {
                var e = it.next();
                zip.putNextEntry(new ZipEntry(e.getKey()));
                zip.write(e.getValue().asText().getBytes(StandardCharsets.UTF_8));
                zip.closeEntry();
            }
        }
        return bytes.toByteArray();
    }

    private String fill(String text) {
        String out = text;
        for (var p : placeholders.entrySet()) out = out.replace(p.getKey(), p.getValue());
        return out;
    }

    /** Status line, Content-Type header and body of a raw HTTP/1.1 response. */
    private static Response parseRaw(String raw) {
        int headerEnd = raw.indexOf("\r\n\r\n");
        assertThat(headerEnd).as("a complete HTTP response: " + raw).isPositive();
        String[] lines = raw.substring(0, headerEnd).split("\r\n");
        int status = Integer.parseInt(lines[0].split(" ")[1]);
        String type = "";
        boolean chunked = false;
        for (String line : lines) {
            String lower = line.toLowerCase(java.util.Locale.ROOT);
            if (lower.startsWith("content-type:")) type = line.substring(13).strip();
            if (lower.startsWith("transfer-encoding:") && lower.contains("chunked")) chunked = true;
        }
        String body = raw.substring(headerEnd + 4);
        return new Response(status, type, chunked ? dechunk(body) : body);
    }

    private static String dechunk(String body) {
        StringBuilder out = new StringBuilder();
        int at = 0;
        while (at < body.length()) {
            int eol = body.indexOf("\r\n", at);
            int size = Integer.parseInt(body.substring(at, eol).strip(), 16);
            if (size == 0) break;
            out.append(body, eol + 2, eol + 2 + size);
            at = eol + 2 + size + 2;
        }
        return out.toString();
    }
}
