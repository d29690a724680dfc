package org.dcplanner.consolidation.ingestion.internal;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.dcplanner.consolidation.ingestion.Metric;

/**
 * One VM's aligned series: {@code series[metric][i]} is the value of step i (canonical unit), which
 * starts at {@code timestamps[i]}; only measured metrics are present.
 *
 * @param vmId the VM's name
 */
public record VmSeriesView(
        UUID workloadId,
        String vmId,
        VmView vm,
        int stepSeconds,
        Instant start,
        List<Instant> timestamps,
        Map<Metric, float[]> series) {}
