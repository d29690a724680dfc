package org.dcplanner.consolidation.planning.solver;

import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.dcplanner.consolidation.planning.solver.domain.PlanningProblem;

/**
 * How long the solver takes to return after a stop request (what a plan's DELETE waits for on the node that
 * solves it, where the request flips an in-memory flag): PlanetLab 20110303 with the CloudSim profile (as
 * {@link PlanningBenchmark}), a 600 s limit, stopped after each of the given delays so the stop lands in
 * different phases (references and construction in the first second, host elimination, OptaPlanner local search,
 * balancing). Args: [delays in seconds, comma-separated; default 0.1,0.2,0.3,0.4,0.6,0.8,1,2,3,5,8,13,21].
 */
public final class CancelLatencyBenchmark {
    private CancelLatencyBenchmark() {}

    public static void main(String[] args) throws Exception {
        String delays = args.length > 0 ? args[0] : "0.1,0.2,0.3,0.4,0.6,0.8,1,2,3,5,8,13,21";
        List<float[]> cpu = PlanningBenchmark.readPlanetLab("20110303");
        PlanningProblem problem = PlanningBenchmark.cloudSimProblem(cpu, false);
        System.out.printf(
                "# %d cores, load average at start %.2f; %d VMs x %d steps%n",
                Runtime.getRuntime().availableProcessors(),
                ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage(),
                problem.vmCount(),
                problem.steps());
        List<Long> latencies = new ArrayList<>();
        for (String d : delays.split(",")) {
            long delayMillis = (long) (Double.parseDouble(d) * 1000);
            AtomicBoolean stop = new AtomicBoolean();
            AtomicInteger bests = new AtomicInteger();
            // a stop before both baselines exist ends the solve without a placement (SolveStopped): null here
            CompletableFuture<PlanningResult> solve = CompletableFuture.supplyAsync(() -> {
                try {
                    return new OptaPlannerConsolidationSolver()
                            .solve(
                                    problem,
                                    new SolveOptions(Duration.ofSeconds(600), stop::get, p -> bests.incrementAndGet()));
                } catch (SolveStopped stopped) {
                    return null;
                }
            });
            Thread.sleep(delayMillis);
            long stopAt = System.nanoTime();
            stop.set(true);
            PlanningResult result = solve.get();
            long latency = (System.nanoTime() - stopAt) / 1_000_000;
            latencies.add(latency);
            System.out.printf(
                    "stop after %5d ms: solver returned %4d ms later (%s, %d bests reported)%n",
                    delayMillis,
                    latency,
                    result == null ? "no placement yet" : result.hostsUsed() + " hosts",
                    bests.get());
        }
        Collections.sort(latencies);
        System.out.printf(
                "stop-to-return: median %d ms, max %d ms over %d stops; load average at end %.2f%n",
                latencies.get(latencies.size() / 2),
                latencies.get(latencies.size() - 1),
                latencies.size(),
                ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
    }
}
