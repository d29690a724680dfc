package org.dcplanner.consolidation.simulation.internal;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.dcplanner.consolidation.simulation.internal.ReplayResult.HostOutcome;
import org.dcplanner.consolidation.simulation.internal.ReplayResult.Summary;
import org.dcplanner.consolidation.virtualization.VirtualizationApproach;

/**
 * One row of {@code simulation_run}: the latest replay of a plan under one approach. Outcome fields
 * are null until the run has COMPLETED.
 */
public record StoredRun(
        UUID planId,
        VirtualizationApproach virtualization,
        SimulationStatus status,
        String error,
        Map<String, Object> overheadOverrides,
        Instant requestedAt,
        Instant startedAt,
        Instant finishedAt,
        Instant gridStart,
        Integer stepSeconds,
        Integer steps,
        Integer hostCount,
        Summary summary,
        List<HostOutcome> hosts,
        List<VmSummary> vms) {

    /**
     * Per-VM outcome with its name, as stored and served: meanPerformance is what it got (all causes),
     * meanApproachPerformance what the approach alone leaves (no host contention), throttledSteps the steps
     * its host squeezed it.
     */
    public record VmSummary(
            int vm,
            String name,
            int host,
            double minPerformance,
            double p5Performance,
            double meanPerformance,
            double meanApproachPerformance,
            int demandSteps,
            int throttledSteps,
            double peakHostCpuMhz) {}
}
