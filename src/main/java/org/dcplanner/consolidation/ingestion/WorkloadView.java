package org.dcplanner.consolidation.ingestion;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A stored workload as the API shows it.
 *
 * @param metrics     metric fields with a stored series (cpuMhz, memoryMib, and diskKBps/networkKBps when measured)
 * @param sampleCount values read from the trace
 */
public record WorkloadView(UUID id, String name, String format, String vmProfile, int vmCount, int stepSeconds,
                           int steps, Instant start, Instant end, List<String> metrics, long sampleCount,
                           List<IngestWarnings.IngestWarning> warnings, Instant createdAt) {
    public TimeGrid grid() {
        return new TimeGrid(start, stepSeconds, steps);
    }
}
