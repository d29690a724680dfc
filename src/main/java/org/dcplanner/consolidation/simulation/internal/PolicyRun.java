package org.dcplanner.consolidation.simulation.internal;

import java.time.Instant;
import java.util.UUID;

/** One row of {@code policy_simulation}; {@code result} is null until COMPLETED. */
public record PolicyRun(
        UUID id,
        UUID planId,
        UUID workloadId,
        PolicySimulationRequest request,
        SimulationStatus status,
        String error,
        Instant requestedAt,
        Instant startedAt,
        Instant finishedAt,
        PolicyOutcome result) {}
