package org.dcplanner.consolidation.ingestion.sample;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.IntStream;
import org.dcplanner.consolidation.ingestion.LoadedWorkload;
import org.dcplanner.consolidation.ingestion.Metric;
import org.dcplanner.consolidation.ingestion.TimeGrid;
import org.dcplanner.consolidation.ingestion.WorkloadVm;

/**
 * Seeded, deterministic generator of realistic VM demand, for sample files, tests and benchmarks.
 * <p>
 * VMs come in tiers (applications) of one class: diurnal web tiers (daytime peak, night trough,
 * quieter weekends, rare flash crowds), nightly batch (idle by day, one job per night), steady
 * databases (high memory, moderate CPU with a mild daytime swing, disk I/O with a nightly backup)
 * and compute (busy/idle blocks, no daily rhythm). Members of a tier share the tier's shape with
 * their own phase jitter, intensity and noise, so multiplexing gain exists but is not trivial.
 * Series are in canonical units (CPU MHz, memory MiB, disk KB/s, network KB/s), never NaN,
 * non-negative, CPU ≤ the VM's cpuMhz and memory ≤ its memoryMib.
 * <p>
 * The same arguments always give the same arrays; a VM's series do not depend on which other
 * metrics are asked for. Only the requested metrics are allocated (4 bytes per VM, step and metric:
 * 10,000 VMs × 8,640 steps is about 346 MB per metric). VMs are filled in parallel. O(VMs × steps).
 */
public final class SyntheticWorkloads {
    /** A Monday, so the first five days are weekdays. */
    public static final Instant DEFAULT_START = Instant.parse("2026-01-05T00:00:00Z");

    private SyntheticWorkloads() {}

    /** All four metrics on a grid starting at {@link #DEFAULT_START}. */
    public static LoadedWorkload generate(long seed, int vmCount, int steps, int stepSeconds) {
        return generate(seed, vmCount, steps, stepSeconds, EnumSet.allOf(Metric.class));
    }

    /** The requested metrics on a grid starting at {@link #DEFAULT_START}. */
    public static LoadedWorkload generate(long seed, int vmCount, int steps, int stepSeconds, Set<Metric> metrics) {
        return generate(seed, vmCount, new TimeGrid(DEFAULT_START, stepSeconds, steps), metrics);
    }

    /** The requested metrics on the given grid (demand follows the grid's time of day and weekday, UTC). */
    public static LoadedWorkload generate(long seed, int vmCount, TimeGrid grid, Set<Metric> metrics) {
        if (vmCount < 1) throw new IllegalArgumentException("vmCount must be >= 1");
        List<SyntheticVm> plan = TierPlanner.plan(seed, vmCount);
        Map<Metric, float[][]> series = new EnumMap<>(Metric.class);
        for (Metric metric : metrics) series.put(metric, new float[vmCount][grid.steps()]);
        var filler = new VmDemandFiller(grid);
        IntStream.range(0, vmCount)
                .parallel()
                .forEach(i -> filler.fill(
                        plan.get(i),
                        row(series, Metric.CPU, i),
                        row(series, Metric.MEMORY, i),
                        row(series, Metric.DISK, i),
                        row(series, Metric.NETWORK, i)));
        List<WorkloadVm> vms = plan.stream().map(SyntheticVm::vm).toList();
        String name = "synthetic-seed" + seed + "-" + vmCount + "vms";
        UUID id = UUID.nameUUIDFromBytes((name + "@" + grid).getBytes(StandardCharsets.UTF_8));
        return new LoadedWorkload(id, name, grid, vms, series);
    }

    private static float[] row(Map<Metric, float[][]> series, Metric metric, int vmIndex) {
        float[][] rows = series.get(metric);
        return rows == null ? null : rows[vmIndex];
    }
}
