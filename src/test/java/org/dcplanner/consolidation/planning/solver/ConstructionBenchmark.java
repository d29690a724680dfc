package org.dcplanner.consolidation.planning.solver;

import java.lang.management.ManagementFactory;
import java.util.SplittableRandom;
import org.dcplanner.consolidation.planning.Objective;
import org.dcplanner.consolidation.planning.solver.domain.DemandModel;
import org.dcplanner.consolidation.planning.solver.domain.PlanningProblem;
import org.dcplanner.consolidation.planning.solver.start.Baselines;
import org.dcplanner.consolidation.planning.solver.start.Construction;
import org.dcplanner.consolidation.planning.solver.start.ReferencePlacements;

/**
 * Time of the start placement ({@link Construction#best}) where it does the most work: a 10,000-VM x 288-step CPU +
 * memory workload (diurnal series, seeded) on a pool of 3 models x 300 hosts under the COST objective (one FFD
 * order per model), with an HA reserve (FFDs on shrinking capacity shares per order). Prints the references' time
 * (lower bound and both FFDs), the construction's, and the start it picks; best of {@code runs} after one warm-up.
 * Args: [haReserveHosts=2] [runs=2].
 */
public final class ConstructionBenchmark {
    private ConstructionBenchmark() {}

    public static void main(String[] args) {
        int reserve = args.length > 0 ? Integer.parseInt(args[0]) : 2;
        int runs = args.length > 1 ? Integer.parseInt(args[1]) : 2;
        DemandModel model = new DemandModel(problem(reserve));
        System.out.printf(
                "# %d cores, load average at start %.2f; %d VMs x %d steps, %d slots, HA reserve %d, COST%n",
                Runtime.getRuntime().availableProcessors(),
                ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage(),
                model.vms(),
                model.steps(),
                model.slots(),
                reserve);
        long referencesMillis = Long.MAX_VALUE;
        long constructionMillis = Long.MAX_VALUE;
        int[] start = null;
        for (int i = 0; i <= runs; i++) {
            long t0 = System.nanoTime();
            ReferencePlacements refs = ReferencePlacements.reuseOrCompute(null, model);
            long t1 = System.nanoTime();
            start = Construction.best(model, refs.peakFfd(), refs.timeSeriesFfd());
            long t2 = System.nanoTime();
            if (i == 0) {
                continue; // warm-up
            }
            referencesMillis = Math.min(referencesMillis, (t1 - t0) / 1_000_000);
            constructionMillis = Math.min(constructionMillis, (t2 - t1) / 1_000_000);
        }
        System.out.printf(
                "references %d ms, construction %d ms, start %d hosts, score %s%n",
                referencesMillis,
                constructionMillis,
                Baselines.hostsUsed(start),
                Construction.ledger(model, start).score());
    }

    /** Hosts a (20,000 MHz, 80 GB, 5,000 a year), b (12,000, 60 GB, 3,000), c (8,000, 30 GB, 2,000), 300 each. */
    private static PlanningProblem problem(int reserve) {
        SplittableRandom rnd = new SplittableRandom(7);
        TestProblems b = TestProblems.cpuAndMemory(288)
                .objective(Objective.COST)
                .haReserve(reserve)
                .pricedHosts(300, "a", 5000, 400, 20000, 80000)
                .pricedHosts(300, "b", 3000, 300, 12000, 60000)
                .pricedHosts(300, "c", 2000, 200, 8000, 30000);
        for (int v = 0; v < 10_000; v++) {
            b.diurnalVm(rnd);
        }
        return b.build();
    }
}
