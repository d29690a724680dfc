package org.dcplanner.consolidation.ingestion.prometheus;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/**
 * A Prometheus pull as the API shows it.
 *
 * @param status       QUEUED, RUNNING, COMPLETED or FAILED
 * @param queriesDone  range queries answered so far, of {@code queriesTotal}
 * @param workloadId   the stored workload once COMPLETED
 * @param error        the problem+json of a FAILED pull (e.g. the server's answer, or a trace error naming file and line)
 */
public record PrometheusImportView(
        UUID id,
        String status,
        int queriesDone,
        int queriesTotal,
        UUID workloadId,
        Map<String, Object> error,
        Instant createdAt,
        Instant finishedAt) {}
