package org.dcplanner.consolidation.planning;

import java.util.ArrayList;
import java.util.List;
import org.dcplanner.consolidation.planning.internal.PoolCapacityCheck;
import org.dcplanner.consolidation.planning.solver.ConsolidationSolver;
import org.dcplanner.consolidation.planning.solver.PlanningResult;
import org.dcplanner.consolidation.planning.solver.SolveOptions;
import org.dcplanner.consolidation.planning.solver.SolveOptions.SolveProgress;
import org.dcplanner.consolidation.planning.solver.domain.PlanningProblem;

/**
 * Test double of the solver (until the real one is in main): time-series first fit in VM order,
 * honoring pins, reported once as the best; then it "keeps solving" (sleeps) until the time limit
 * or a stop request, like a local search that finds nothing better.
 */
class FfdTestSolver implements ConsolidationSolver {
    /** A workload whose first VM has this name makes the solver fail as a node out of heap does. */
    static final String OUT_OF_MEMORY_VM = "out-of-memory";

    @Override
    public PlanningResult solve(PlanningProblem p, SolveOptions options) {
        if (OUT_OF_MEMORY_VM.equals(p.vmNames().get(0))) {
            throw new OutOfMemoryError("Java heap space (test double)");
        }
        long start = System.nanoTime();
        int[] vmSlot = firstFit(p);
        int hosts = (int)
                java.util.Arrays.stream(vmSlot).filter(s -> s >= 0).distinct().count();
        boolean feasible = java.util.Arrays.stream(vmSlot).allMatch(s -> s >= 0);
        String score = (feasible ? 0 : -1) + "hard/" + (-hosts) + "medium/0soft";
        options.onNewBest().accept(new SolveProgress(hosts, score, feasible, elapsed(start), vmSlot.clone()));
        long deadline = start + options.timeLimit().toNanos();
        while (System.nanoTime() < deadline && !options.stopRequested().getAsBoolean()) {
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        int lb = 0;
        for (int r = 0; r < p.resources().size(); r++) {
            double cap = 0;
            for (var s : p.slots()) cap = Math.max(cap, s.capacity()[r]);
            lb = Math.max(lb, PoolCapacityCheck.lowerBound(p.demand()[r], cap));
        }
        return new PlanningResult(
                vmSlot,
                hosts,
                score,
                feasible,
                feasible ? List.of() : List.of("Host capacity"),
                lb,
                hosts,
                hosts,
                1000);
    }

    @Override
    public List<VmExplanation> explain(PlanningProblem p, int[] vmSlot) {
        int steps = p.steps();
        double[][][] load = new double[p.slots().size()][p.resources().size()][steps];
        for (int vm = 0; vm < vmSlot.length; vm++) {
            for (int r = 0; r < p.resources().size(); r++) {
                for (int t = 0; t < steps; t++) load[vmSlot[vm]][r][t] += p.demand()[r][vm][t];
            }
        }
        List<VmExplanation> out = new ArrayList<>();
        for (int vm = 0; vm < vmSlot.length; vm++) {
            int slot = vmSlot[vm];
            int bestR = 0;
            int bestT = 0;
            double best = -1;
            for (int r = 0; r < p.resources().size(); r++) {
                for (int t = 0; t < steps; t++) {
                    double u = load[slot][r][t] / p.slots().get(slot).capacity()[r];
                    if (u > best) {
                        best = u;
                        bestR = r;
                        bestT = t;
                    }
                }
            }
            out.add(new VmExplanation(vm, slot, p.resources().get(bestR).name(), bestT, best, List.of("Active hosts")));
        }
        return out;
    }

    private static int[] firstFit(PlanningProblem p) {
        int slots = p.slots().size();
        int resources = p.resources().size();
        double[][][] load = new double[slots][resources][p.steps()];
        int[] vmSlot = new int[p.vmCount()];
        for (int vm = 0; vm < p.vmCount(); vm++) {
            vmSlot[vm] = -1;
            for (int s = 0; s < slots; s++) {
                if (p.pinnedSlot()[vm] >= 0 && p.pinnedSlot()[vm] != s) continue;
                if (fits(p, load[s], vm, s)) {
                    add(p, load[s], vm);
                    vmSlot[vm] = s;
                    break;
                }
            }
        }
        return vmSlot;
    }

    private static boolean fits(PlanningProblem p, double[][] load, int vm, int slot) {
        for (int r = 0; r < load.length; r++) {
            for (int t = 0; t < p.steps(); t++) {
                if (load[r][t] + p.demand()[r][vm][t] > p.slots().get(slot).capacity()[r] + 1e-6) return false;
            }
        }
        return true;
    }

    private static void add(PlanningProblem p, double[][] load, int vm) {
        for (int r = 0; r < load.length; r++) {
            for (int t = 0; t < p.steps(); t++) load[r][t] += p.demand()[r][vm][t];
        }
    }

    private static long elapsed(long start) {
        return (System.nanoTime() - start) / 1_000_000;
    }
}
