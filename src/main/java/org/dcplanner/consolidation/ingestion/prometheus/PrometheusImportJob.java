package org.dcplanner.consolidation.ingestion.prometheus;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.dcplanner.consolidation.ingestion.internal.IngestRequest;
import org.dcplanner.consolidation.ingestion.internal.VmProfile;
import org.dcplanner.consolidation.ingestion.internal.WorkloadFormat;
import org.dcplanner.consolidation.ingestion.internal.WorkloadIngestionService;
import org.dcplanner.consolidation.ingestion.internal.WorkloadView;
import org.dcplanner.consolidation.ingestion.source.FolderTraceSource;
import org.dcplanner.consolidation.problem.ApiException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;

/**
 * Runs one Prometheus pull: each resource's range query is fetched into a temporary file (streamed, at
 * most {@code app.ingestion.prometheus-max-response-bytes} per answer), progress is recorded
 * after each, then the files are ingested as the {@code prometheus} format and the workload stored. Any
 * failure (server unreachable or answering an error, answer too large, a trace error) ends the pull as
 * FAILED with a problem+json; nothing is stored then.
 */
@Component
class PrometheusImportJob {
    private static final Logger log = LoggerFactory.getLogger(PrometheusImportJob.class);
    private final PrometheusImportRepository imports;
    private final WorkloadIngestionService ingestion;
    private final long maxResponseBytes;
    private final HttpClient http = HttpClient.newBuilder()
            .connectTimeout(Duration.ofSeconds(10))
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();

    PrometheusImportJob(
            PrometheusImportRepository imports,
            WorkloadIngestionService ingestion,
            @Value("${app.ingestion.prometheus-max-response-bytes:1073741824}") long maxResponseBytes) {
        this.imports = imports;
        this.ingestion = ingestion;
        this.maxResponseBytes = maxResponseBytes;
    }

    void run(UUID id) {
        imports.running(id);
        PrometheusImportRequest request = imports.request(id);
        Path dir = null;
        try {
            dir = Files.createTempDirectory("dcp-prometheus-");
            for (var q : request.queries().entrySet()) {
                fetch(request, q.getKey(), q.getValue(), dir.resolve(q.getKey() + ".json"));
                imports.queryDone(id);
            }
            WorkloadView w = ingestion.ingestInto(
                    new IngestRequest(
                            new FolderTraceSource(dir),
                            null,
                            null,
                            request.name(),
                            WorkloadFormat.PROMETHEUS,
                            request.vmProfile() == null ? null : VmProfile.fromId(request.vmProfile()),
                            request.stepSeconds(),
                            null,
                            null),
                    imports.workspace(id));
            imports.completed(id, w.id());
        } catch (ApiException e) {
            imports.failed(id, problem(e.problem()));
        } catch (IOException e) {
            imports.failed(
                    id,
                    problem(ProblemDetail.forStatusAndDetail(
                            org.springframework.http.HttpStatus.BAD_GATEWAY, "Prometheus could not be read: " + e)));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            imports.failed(
                    id,
                    problem(ProblemDetail.forStatusAndDetail(
                            org.springframework.http.HttpStatus.SERVICE_UNAVAILABLE,
                            "The pull was interrupted (node shutting down)")));
        } finally {
            deleteQuietly(dir);
        }
    }

    private void fetch(PrometheusImportRequest r, String resource, String query, Path file)
            throws IOException, InterruptedException {
        URI uri = URI.create(
                r.url() + "/api/v1/query_range?query=" + URLEncoder.encode(query, StandardCharsets.UTF_8) + "&start="
                        + r.start().getEpochSecond() + "&end=" + r.end().getEpochSecond() + "&step=" + r.stepSeconds());
        HttpResponse<InputStream> answer = http.send(
                HttpRequest.newBuilder(uri)
                        .timeout(Duration.ofMinutes(10))
                        .GET()
                        .header("Accept", "application/json")
                        .build(),
                HttpResponse.BodyHandlers.ofInputStream());
        try (InputStream in = answer.body()) {
            if (answer.statusCode() != 200) {
                String body = new String(in.readNBytes(2000), StandardCharsets.UTF_8);
                throw new ApiException(
                                org.springframework.http.HttpStatus.BAD_GATEWAY,
                                "prometheus-error",
                                "Prometheus answered an error",
                                "The query of " + resource + " answered HTTP " + answer.statusCode() + ": " + body)
                        .at(resource + ".json", null, "queries");
            }
            try (OutputStream out = Files.newOutputStream(file)) {
                byte[] buffer = new byte[1 << 16];
                long total = 0;
                int n;
                while ((n = in.read(buffer)) > 0) {
                    total += n;
                    if (total > maxResponseBytes) {
                        throw new ApiException(
                                        org.springframework.http.HttpStatus.PAYLOAD_TOO_LARGE,
                                        "response-too-large",
                                        "Prometheus answer too large",
                                        "The answer to the query of " + resource + " exceeds "
                                                + maxResponseBytes
                                                + " bytes (app.ingestion.prometheus-max-response-bytes);"
                                                + " pull a shorter range or a larger step")
                                .at(resource + ".json", null, "queries");
                    }
                    out.write(buffer, 0, n);
                }
            }
        }
        log.info("Prometheus pull: {} answered for {}", resource, r.url());
    }

    private static Map<String, Object> problem(ProblemDetail p) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("type", String.valueOf(p.getType()));
        m.put("title", p.getTitle());
        m.put("status", p.getStatus());
        m.put("detail", p.getDetail());
        if (p.getProperties() != null) m.putAll(p.getProperties());
        return m;
    }

    private static void deleteQuietly(Path dir) {
        if (dir == null) return;
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            log.warn("could not delete {}: {}", dir, e.getMessage());
        }
    }
}
