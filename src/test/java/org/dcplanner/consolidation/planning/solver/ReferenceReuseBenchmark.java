package org.dcplanner.consolidation.planning.solver;

import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.dcplanner.consolidation.planning.solver.SolveOptions.SolveProgress;
import org.dcplanner.consolidation.planning.solver.domain.PlanningProblem;
import org.dcplanner.consolidation.planning.solver.start.ReferencePlacements;

/**
 * What passing the plan job's references to the solver saves: on PlanetLab 20110303 with the CloudSim profile
 * (CPU only, 800 HP ML110 G5, as {@link PlanningBenchmark}), the time of {@link ReferencePlacements#of} (lower
 * bound and both FFDs, which the solver no longer repeats) and the solver's time to its first reported best with
 * and without the references given. Best of {@code runs} after one warm-up each. Args: [runs=5].
 */
public final class ReferenceReuseBenchmark {
    private ReferenceReuseBenchmark() {}

    public static void main(String[] args) {
        int runs = args.length > 0 ? Integer.parseInt(args[0]) : 5;
        PlanningProblem problem = PlanningBenchmark.cloudSimProblem(PlanningBenchmark.readPlanetLab("20110303"), false);
        System.out.printf(
                "# %d cores, load average at start %.2f; %d VMs x %d steps%n",
                Runtime.getRuntime().availableProcessors(),
                ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage(),
                problem.vmCount(),
                problem.steps());
        long references = Long.MAX_VALUE;
        long cold = Long.MAX_VALUE;
        long reused = Long.MAX_VALUE;
        for (int i = 0; i <= runs; i++) {
            long start = System.nanoTime();
            ReferencePlacements given = ReferencePlacements.of(problem);
            long took = System.nanoTime() - start;
            long coldFirst = firstBestMillis(problem, null);
            long reusedFirst = firstBestMillis(problem, given);
            if (i == 0) {
                continue; // warm-up
            }
            references = Math.min(references, took / 1_000_000);
            cold = Math.min(cold, coldFirst);
            reused = Math.min(reused, reusedFirst);
        }
        System.out.printf(
                "ReferencePlacements.of %d ms; solver's first best %d ms without references, %d ms with them "
                        + "(saved %d ms); load average at end %.2f%n",
                references,
                cold,
                reused,
                cold - reused,
                ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
    }

    /** Milliseconds from the solve call to the first reported best (the construction); the search is stopped at once. */
    private static long firstBestMillis(PlanningProblem problem, ReferencePlacements references) {
        List<SolveProgress> progress = new ArrayList<>();
        java.util.concurrent.atomic.AtomicBoolean stop = new java.util.concurrent.atomic.AtomicBoolean();
        new OptaPlannerConsolidationSolver()
                .solve(
                        problem,
                        new SolveOptions(
                                Duration.ofSeconds(1),
                                stop::get,
                                p -> {
                                    progress.add(p);
                                    stop.set(true);
                                },
                                null,
                                references));
        return progress.get(0).elapsedMillis();
    }
}
