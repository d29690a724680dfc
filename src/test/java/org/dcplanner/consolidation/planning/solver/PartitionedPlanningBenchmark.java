package org.dcplanner.consolidation.planning.solver;

import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.dcplanner.consolidation.planning.solver.domain.PlanningProblem;
import org.dcplanner.consolidation.planning.solver.partition.EstatePartitioner;
import org.dcplanner.consolidation.planning.solver.partition.Partitioning;

/**
 * The planner benchmark's synthetic 10,000-VM case solved whole and in partitions on one node, as the plan jobs do:
 * partitions on {@code threads} job threads (db-scheduler.threads=2 by default) for 75 % of the time limit each,
 * then the merge for 25 %. Args: [seconds=120] [partitions=2,4] [threads=2]. Prints hosts, the whole estate's lower
 * bound, hosts / LB, wall time and the load average.
 */
public final class PartitionedPlanningBenchmark {
    private PartitionedPlanningBenchmark() {}

    public static void main(String[] args) throws Exception {
        int seconds = args.length > 0 ? Integer.parseInt(args[0]) : 120;
        String counts = args.length > 1 ? args[1] : "2,4";
        int threads = args.length > 2 ? Integer.parseInt(args[2]) : 2;
        PlanningProblem whole = PlanningBenchmark.syntheticProblem(10_000, 20260301L);
        System.out.printf(
                "# %d cores, load average at start %.2f, %d VMs, %d hosts in the pool%n",
                Runtime.getRuntime().availableProcessors(),
                load(),
                whole.vmCount(),
                whole.slots().size());
        if (!Boolean.getBoolean("bench.skipWhole")) {
            long start = System.nanoTime();
            long cpu = cpuNanos();
            PlanningResult r = solve(whole, Duration.ofSeconds(seconds), null);
            print("whole", r, r.lowerBoundHosts(), start, cpu);
        }
        for (String c : counts.split(",")) {
            int k = Integer.parseInt(c.trim());
            long start = System.nanoTime();
            long cpu = cpuNanos();
            Partitioning parts = EstatePartitioner.split(whole, k);
            Duration partLimit = Duration.ofMillis((long) (seconds * 750L));
            int[][] placed = new int[k][];
            int partHosts = 0;
            ExecutorService pool = Executors.newFixedThreadPool(threads);
            try {
                List<Future<PlanningResult>> futures = new ArrayList<>();
                for (int p = 0; p < k; p++) {
                    PlanningProblem sub = parts.subProblem(whole, p);
                    futures.add(pool.submit(() -> solve(sub, partLimit, null)));
                }
                for (int p = 0; p < k; p++) {
                    PlanningResult r = futures.get(p).get();
                    placed[p] = parts.toWholePool(p, r.vmSlot());
                    partHosts += r.hostsUsed();
                }
            } finally {
                pool.shutdown();
            }
            long partsDone = System.nanoTime();
            int[] joined = parts.combine(whole, placed);
            PlanningResult merged = solve(whole, Duration.ofMillis(seconds * 250L), joined);
            System.out.printf(
                    "  %d partitions: joined %d hosts after %.1f s%n", k, partHosts, (partsDone - start) / 1e9);
            print(k + " partitions + merge", merged, merged.lowerBoundHosts(), start, cpu);
        }
    }

    private static PlanningResult solve(PlanningProblem p, Duration limit, int[] start) {
        return new OptaPlannerConsolidationSolver()
                .solve(p, new SolveOptions(limit, () -> false, x -> {}, start, null));
    }

    private static void print(String label, PlanningResult r, int lowerBound, long startNanos, long cpuNanos) {
        System.out.printf(
                "%-24s hosts=%d LB=%d hosts/LB=%.3f feasible=%s wall=%.1fs cpu=%.1fs load=%.2f%n",
                label,
                r.hostsUsed(),
                lowerBound,
                r.hostsUsed() / (double) lowerBound,
                r.feasible(),
                (System.nanoTime() - startNanos) / 1e9,
                (cpuNanos() - cpuNanos) / 1e9,
                load());
    }

    private static long cpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }

    private static double load() {
        return ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
    }
}
