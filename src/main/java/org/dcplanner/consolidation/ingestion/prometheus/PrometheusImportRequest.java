package org.dcplanner.consolidation.ingestion.prometheus;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import org.dcplanner.consolidation.ingestion.format.PrometheusParser;
import org.dcplanner.consolidation.problem.ApiException;

/**
 * A pull of a workload from a Prometheus server: one range query per resource over [start, end) at
 * {@code stepSeconds}.
 *
 * @param url         the server's base URL, http or https (e.g. {@code http://prometheus:9090})
 * @param queries     resource (the file names of the prometheus format: cpuPercent, cpuCores, cpuMhz, memoryBytes,
 *                    memoryMib, diskKBps, diskBytesPerSecond, networkKBps, networkBytesPerSecond) → PromQL
 *                    giving one series per VM
 * @param stepSeconds 1 to 86,400; default 300; (end - start) / step at most 11,000 (Prometheus' own cap per query)
 * @param name        workload name; default "prometheus <start>"
 * @param vmProfile   default | cloudsim
 */
public record PrometheusImportRequest(
        String url,
        Instant start,
        Instant end,
        Integer stepSeconds,
        Map<String, String> queries,
        String name,
        String vmProfile) {
    static final int MAX_POINTS = 11_000;

    /** The request with defaults applied, or 400 naming the field. */
    PrometheusImportRequest validated() {
        URI uri;
        try {
            uri = URI.create(url == null ? "" : url.strip());
        } catch (IllegalArgumentException e) {
            throw bad("url is not a URL", "url");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https") || uri.getHost() == null) {
            throw bad("url must be an http or https URL of the Prometheus server, e.g. http://prometheus:9090", "url");
        }
        if (start == null || end == null || !end.isAfter(start))
            throw bad("start and end are required, end after start", "end");
        int step = stepSeconds == null ? 300 : stepSeconds;
        if (step < 1 || step > 86_400) throw bad("stepSeconds must be 1 to 86400", "stepSeconds");
        if (Duration.between(start, end).getSeconds() / step > MAX_POINTS) {
            throw bad("(end - start) / stepSeconds must be at most " + MAX_POINTS + " points per query", "stepSeconds");
        }
        if (queries == null || queries.isEmpty())
            throw bad("queries needs at least one resource → PromQL entry", "queries");
        for (var q : queries.entrySet()) {
            if (PrometheusParser.Resource.fromId(q.getKey()) == null) {
                throw bad(
                        "Unknown resource '" + q.getKey()
                                + "'; use cpuPercent, cpuCores, cpuMhz, memoryBytes, memoryMib,"
                                + " diskKBps, diskBytesPerSecond, networkKBps or networkBytesPerSecond",
                        "queries");
            }
            if (q.getValue() == null || q.getValue().isBlank() || q.getValue().length() > 10_000) {
                throw bad("The query of " + q.getKey() + " must be 1 to 10,000 characters", "queries");
            }
        }
        return new PrometheusImportRequest(
                uri.toString().replaceFirst("/+$", ""),
                start,
                end,
                step,
                queries,
                name == null || name.isBlank() ? "prometheus " + start : name.strip(),
                vmProfile);
    }

    private static ApiException bad(String detail, String field) {
        return ApiException.badRequest(detail).at(null, null, field);
    }
}
