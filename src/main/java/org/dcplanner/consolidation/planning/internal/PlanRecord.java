package org.dcplanner.consolidation.planning.internal;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * One row of table plans. {@code vmNames}, {@code slotModels} and {@code vmSlot} are null in list
 * queries (they grow with the workload). {@code searchedMillis}: search time of all attempts as of the running
 * attempt's latest cancel poll (and its end). {@code startedAt}: the first attempt's start; {@code attemptStartedAt}:
 * the current (or last) attempt's. {@code overloadRiskJson}: the {@link OverloadRisk} stored when the solve ended (V35),
 * or null. {@code stage}: what the current attempt is doing (V95: SIZING or SOLVING; null before its first attempt).
 */
public record PlanRecord(
        UUID id,
        String name,
        UUID workloadId,
        String requestJson,
        PlanStatus status,
        boolean cancelRequested,
        int attempt,
        List<String> vmNames,
        List<String> slotModels,
        int steps,
        int stepSeconds,
        boolean folded,
        int[] vmSlot,
        Integer hostsUsed,
        String score,
        Boolean feasible,
        List<String> brokenConstraints,
        Integer lowerBoundHosts,
        Integer peakFfdHosts,
        Integer timeSeriesFfdHosts,
        Integer antiAffinityHosts,
        java.util.Map<String, Integer> approachMix,
        Long scoreCalculationsPerSecond,
        List<ProgressPoint> progress,
        long searchedMillis,
        String error,
        Instant createdAt,
        Instant startedAt,
        Instant attemptStartedAt,
        Instant finishedAt,
        Instant updatedAt,
        String overloadRiskJson,
        String stage) {

    /** One improvement of the best solution: when (since the attempt started), how many hosts, which score. */
    public record ProgressPoint(int attempt, long elapsedMillis, int hostsUsed, String score, boolean feasible) {}

    boolean hasSolution() {
        return vmSlot != null && hostsUsed != null;
    }
}
