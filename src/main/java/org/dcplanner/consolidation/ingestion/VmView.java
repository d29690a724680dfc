package org.dcplanner.consolidation.ingestion;

import java.util.Map;

/**
 * One VM of a workload with its size and, per measured metric field (cpuMhz, memoryMib, ...), the mean,
 * p95 and peak of its aligned series in that metric's unit.
 */
public record VmView(int index, String name, int cores, double cpuMhz, double memoryMib, String guestOs,
                     boolean paravirtCapable, WorkloadClass workloadClass, String antiAffinityGroup,
                     Map<String, SeriesStats> stats) {
}
