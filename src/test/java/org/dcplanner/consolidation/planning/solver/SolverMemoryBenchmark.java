package org.dcplanner.consolidation.planning.solver;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.time.Duration;
import java.util.SplittableRandom;
import org.dcplanner.consolidation.planning.solver.domain.PlanningProblem;

/**
 * Heap a solve needs per host slot, resource and step (the constant behind the service's pool-too-large check):
 * VMS diurnal CPU + memory VMs x STEPS steps on SLOTS identical slots, solved for 4 s; prints the peak heap in use
 * (garbage included) above the heap before solving, per slot x step x resource. Run it with a small -Xmx too: the
 * smallest heap that completes bounds the live need from above. Args: SLOTS STEPS VMS (default 5000 8640 30).
 */
public final class SolverMemoryBenchmark {
    private SolverMemoryBenchmark() {}

    public static void main(String[] args) {
        int slots = args.length > 0 ? Integer.parseInt(args[0]) : 5000;
        int steps = args.length > 1 ? Integer.parseInt(args[1]) : 8640;
        int vms = args.length > 2 ? Integer.parseInt(args[2]) : 30;
        SplittableRandom rnd = new SplittableRandom(1);
        TestProblems b = TestProblems.cpuAndMemory(steps).hosts(slots, 100_000, 409_600);
        for (int v = 0; v < vms; v++) {
            b.diurnalVm(rnd);
        }
        PlanningProblem problem = b.build();
        System.gc();
        long before = heapUsed(false);
        ManagementFactory.getMemoryPoolMXBeans().forEach(MemoryPoolMXBean::resetPeakUsage);
        PlanningResult result = new OptaPlannerConsolidationSolver()
                .solve(problem, new SolveOptions(Duration.ofSeconds(4), () -> false, x -> {}));
        long peak = heapUsed(true);
        double units = (double) slots * steps * problem.resources().size();
        System.out.printf(
                "slots %d x steps %d x 2 resources, %d VMs, max heap %d MiB: %d hosts; heap before %d MiB, "
                        + "peak %d MiB: %.1f B per slot x step x resource%n",
                slots,
                steps,
                vms,
                Runtime.getRuntime().maxMemory() >> 20,
                result.hostsUsed(),
                before >> 20,
                peak >> 20,
                (peak - before) / units);
    }

    private static long heapUsed(boolean peak) {
        long bytes = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                bytes += peak ? pool.getPeakUsage().getUsed() : pool.getUsage().getUsed();
            }
        }
        return bytes;
    }
}
