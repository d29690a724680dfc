package org.dcplanner.consolidation.simulation.internal;

import java.time.Instant;
import java.util.UUID;
import org.dcplanner.consolidation.simulation.OutOfSampleResult;
import org.dcplanner.consolidation.virtualization.VirtualizationApproach;

/**
 * One row of {@code out_of_sample_run} (V30): a requested replay of a plan on another workload or
 * window; {@code result} is null until COMPLETED.
 *
 * @param from requested window start (null: the workload's start); {@code to} likewise its end
 */
public record OutOfSampleRun(
        UUID id,
        UUID planId,
        UUID workloadId,
        Instant from,
        Instant to,
        VirtualizationApproach virtualization,
        SimulationStatus status,
        String error,
        Instant requestedAt,
        Instant startedAt,
        Instant finishedAt,
        OutOfSampleResult result) {}
