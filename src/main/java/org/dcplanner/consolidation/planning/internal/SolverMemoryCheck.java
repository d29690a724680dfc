package org.dcplanner.consolidation.planning.internal;

import java.util.Locale;
import org.dcplanner.consolidation.planning.solver.domain.PlanningProblem;

/**
 * Rejects a plan whose solver arrays would not fit this node's heap, before it is queued: the searches keep int
 * load arrays and breakout weights per host slot, resource and time step, so memory grows with pool size x steps x
 * resources whatever the VM count (a pool of 100,000 hosts on a 30-day trace ran out of memory on a 6 GiB heap).
 */
final class SolverMemoryCheck {
    /** Live bytes per slot, resource and step while solving: 13.3-15.8 B measured (SolverMemoryBenchmark, docs/benchmarks.md). */
    static final long BYTES_PER_SLOT_STEP = 16;
    /** Per VM, resource and step: the sized demand as floats plus the solver's int copy. */
    static final long BYTES_PER_VM_STEP = 8;
    /** Share of the heap one plan may take: two jobs run at once per node (db-scheduler.threads=2), plus uploads. */
    static final double HEAP_SHARE = 0.45;

    private SolverMemoryCheck() {}

    static long budgetBytes() {
        return (long) (Runtime.getRuntime().maxMemory() * HEAP_SHARE);
    }

    static void check(PlanningProblem p, long budgetBytes) {
        long perSlot = (long) p.steps() * p.rows() * BYTES_PER_SLOT_STEP;
        long vmBytes = (long) p.vmCount() * p.steps() * p.rows() * BYTES_PER_VM_STEP;
        long needed = vmBytes + perSlot * p.slots().size();
        if (needed <= budgetBytes) {
            return;
        }
        long maxHosts = Math.max(0, (budgetBytes - vmBytes) / perSlot);
        String remedy = maxHosts >= 1
                ? String.format(
                        Locale.ROOT,
                        "at most %,d hosts fit (and a plan never uses more hosts than it has VMs, "
                                + "%,d); give the pool fewer hosts, fold the days into one, or plan fewer resources",
                        maxHosts,
                        p.vmCount())
                : "fold the days into one or plan fewer resources (or give this node a larger heap, -Xmx)";
        throw PlanProblemFactory.unprocessable(
                        "pool-too-large",
                        String.format(
                                Locale.ROOT,
                                "the plan needs about %s of solver memory (%,d VMs and %,d hosts in the pool x %,d steps x %d resources), "
                                        + "more than this node allows one plan (%s, %.0f %% of its Java heap); %s",
                                gib(needed),
                                p.vmCount(),
                                p.slots().size(),
                                p.steps(),
                                p.rows(),
                                gib(budgetBytes),
                                HEAP_SHARE * 100,
                                remedy),
                        "hostPool")
                .with("maxPoolHosts", maxHosts);
    }

    private static String gib(long bytes) {
        return String.format(Locale.ROOT, "%.1f GiB", bytes / (double) (1L << 30));
    }
}
