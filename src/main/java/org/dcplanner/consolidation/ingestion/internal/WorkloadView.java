package org.dcplanner.consolidation.ingestion.internal;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.dcplanner.consolidation.ingestion.Metric;
import org.dcplanner.consolidation.ingestion.TimeGrid;

/**
 * A stored workload as the API shows it.
 *
 * @param metrics        metrics with a stored series: CPU and MEMORY always, DISK and NETWORK when measured
 * @param sampleCount    values read from the trace
 * @param warnings       one sentence per kind of absorbed input problem or assumption
 * @param warningDetails the same with a stable code and the count, for scripts
 */
public record WorkloadView(
        UUID id,
        String name,
        String format,
        String vmProfile,
        int vmCount,
        int stepSeconds,
        int steps,
        Instant start,
        Instant end,
        List<Metric> metrics,
        long sampleCount,
        List<String> warnings,
        List<IngestWarnings.IngestWarning> warningDetails,
        Instant createdAt) {
    public TimeGrid grid() {
        return new TimeGrid(start, stepSeconds, steps);
    }
}
