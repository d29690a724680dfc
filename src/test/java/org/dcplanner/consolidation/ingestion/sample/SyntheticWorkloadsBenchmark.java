package org.dcplanner.consolidation.ingestion.sample;

import java.lang.management.ManagementFactory;
import java.util.EnumSet;
import java.util.Set;
import org.dcplanner.consolidation.ingestion.LoadedWorkload;
import org.dcplanner.consolidation.ingestion.Metric;

/**
 * Times {@link SyntheticWorkloads#generate} at the sizes other benchmarks use. Prints wall time,
 * process CPU time and samples per second; best of 3 runs after one warm-up.
 * Args: {@code vmCount steps stepSeconds [METRIC,METRIC...]} (default 10000 8640 10 CPU,MEMORY).
 */
public final class SyntheticWorkloadsBenchmark {
    private SyntheticWorkloadsBenchmark() {}

    public static void main(String[] args) {
        int vmCount = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
        int steps = args.length > 1 ? Integer.parseInt(args[1]) : 8_640;
        int stepSeconds = args.length > 2 ? Integer.parseInt(args[2]) : 10;
        Set<Metric> metrics = EnumSet.noneOf(Metric.class);
        for (String m : (args.length > 3 ? args[3] : "CPU,MEMORY").split(",")) metrics.add(Metric.valueOf(m.trim()));

        SyntheticWorkloads.generate(1, 500, steps, stepSeconds, metrics); // warm-up
        var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        double bestWall = Double.MAX_VALUE, cpuOfBest = 0;
        for (int run = 0; run < 3; run++) {
            long cpu0 = os.getProcessCpuTime(), wall0 = System.nanoTime();
            LoadedWorkload w = SyntheticWorkloads.generate(42 + run, vmCount, steps, stepSeconds, metrics);
            double wall = (System.nanoTime() - wall0) / 1e9, cpu = (os.getProcessCpuTime() - cpu0) / 1e9;
            if (wall < bestWall) {
                bestWall = wall;
                cpuOfBest = cpu;
            }
            if (w.vms().size() != vmCount) throw new IllegalStateException("wrong VM count");
        }
        long samples = (long) vmCount * steps * metrics.size();
        System.out.printf(
                "vms=%d steps=%d stepSeconds=%d metrics=%s cores=%d%n",
                vmCount, steps, stepSeconds, metrics, Runtime.getRuntime().availableProcessors());
        System.out.printf(
                "best wall %.2f s (process CPU %.2f s), %.1f M samples/s wall, arrays %.0f MB%n",
                bestWall, cpuOfBest, samples / bestWall / 1e6, samples * 4 / 1e6);
    }
}
