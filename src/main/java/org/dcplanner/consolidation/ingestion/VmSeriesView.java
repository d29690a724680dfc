package org.dcplanner.consolidation.ingestion;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** One VM's aligned series: {@code series[field][i]} is the value of step i, starting at {@code timestamps[i]}. */
public record VmSeriesView(UUID workloadId, VmView vm, int stepSeconds, List<Instant> timestamps,
                           Map<String, float[]> series) {
}
