package org.dcplanner.consolidation.ingestion.internal;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.dcplanner.consolidation.ingestion.Metric;

/**
 * Per measured metric: the total demand of all VMs per step next to the sum of the VMs' own peaks.
 * {@code peakOfSum / sumOfPeaks} below 1 is the multiplexing gain of not sizing every VM for its peak.
 *
 * @param demand     per metric, per step Σ over VMs (canonical unit, see {@code units})
 * @param sumOfPeaks per metric, Σ over VMs of each VM's peak (what sizing every VM for its peak reserves)
 * @param peakOfSum  per metric, the highest per-step total
 */
public record AggregateView(
        UUID workloadId,
        int stepSeconds,
        Instant start,
        int steps,
        List<Instant> timestamps,
        Map<Metric, String> units,
        Map<Metric, double[]> demand,
        Map<Metric, Double> sumOfPeaks,
        Map<Metric, Double> peakOfSum) {}
