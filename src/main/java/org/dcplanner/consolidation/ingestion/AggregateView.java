package org.dcplanner.consolidation.ingestion;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Per step the total demand of all VMs, per measured metric field, next to the sum of the VMs' own peaks:
 * {@code peakOfSum / sumOfPeaks} below 1 is the multiplexing gain of not sizing every VM for its peak.
 */
public record AggregateView(UUID workloadId, int stepSeconds, List<Instant> timestamps,
                            Map<String, MetricAggregate> metrics) {

    /** @param sum Σ over VMs per step, in {@code unit} */
    public record MetricAggregate(String unit, double[] sum, double sumOfPeaks, double peakOfSum,
                                  double peakOfSumOverSumOfPeaks) {
    }
}
