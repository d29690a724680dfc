package org.dcplanner.consolidation.planning.internal;

import java.util.Locale;
import org.dcplanner.consolidation.planning.solver.domain.PlanningProblem;
import org.dcplanner.consolidation.planning.solver.start.LowerBounds;
import org.dcplanner.consolidation.problem.ApiException;

/**
 * Rejects a plan whose solver arrays would not fit this node's heap, before it is queued: the searches keep int
 * load arrays and breakout weights per host slot, resource and time step, so memory grows with pool size x steps x
 * resources whatever the VM count (a pool of 100,000 hosts on a 30-day trace ran out of memory on a 6 GiB heap).
 * A pool too large for one solve is first cut into partitions ({@link #partitionsNeeded}); only a plan whose merge
 * would not fit either is refused.
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

    /** Whether the whole problem's solver arrays fit the budget. */
    static boolean fits(PlanningProblem p, long budgetBytes) {
        return vmBytes(p) + slotBytes(p) * p.slots().size() <= budgetBytes;
    }

    /** Hosts of the pool whose arrays fit the budget next to the whole estate's VMs (0: not even one). */
    static long maxPoolHosts(PlanningProblem p, long budgetBytes) {
        return Math.max(0, (budgetBytes - vmBytes(p)) / slotBytes(p));
    }

    /**
     * Partitions the pool must be cut into so each partition's slice fits the budget (1: the whole pool fits); a
     * slice is about 1/k of the pool, and the merge keeps only the hosts the partitions used, so the plan runs in
     * parts when the budget holds the lower bound's hosts with room to spare. Otherwise refused as {@link #check}
     * does.
     */
    static int partitionsNeeded(PlanningProblem p, long budgetBytes) {
        if (fits(p, budgetBytes)) return 1;
        long maxHosts = maxPoolHosts(p, budgetBytes);
        // the merge holds every used host: at least the bound's, with a quarter more for what the partitions lose
        long mergeHosts = (long) Math.ceil(LowerBounds.lowerBoundHosts(p) * 1.25) + p.haReserveHosts() + 1;
        if (maxHosts < mergeHosts) check(p, budgetBytes);
        // slices follow the partitions' load shares, so leave a tenth of room for an uneven one
        return (int) Math.min(Integer.MAX_VALUE, (long) Math.ceil(p.slots().size() / (maxHosts * 0.9)));
    }

    private static long slotBytes(PlanningProblem p) {
        return (long) p.steps() * p.rows() * BYTES_PER_SLOT_STEP;
    }

    private static long vmBytes(PlanningProblem p) {
        return (long) p.vmCount() * p.steps() * p.rows() * BYTES_PER_VM_STEP;
    }

    static void check(PlanningProblem p, long budgetBytes) {
        long perSlot = slotBytes(p);
        long vmBytes = vmBytes(p);
        long needed = vmBytes + perSlot * p.slots().size();
        if (needed <= budgetBytes) {
            return;
        }
        long maxHosts = maxPoolHosts(p, budgetBytes);
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
                                "the plan needs %s, more than this node allows one plan (%s); %s",
                                memoryNeeded(p, needed),
                                allowed(budgetBytes),
                                remedy),
                        "hostPool")
                .with("maxPoolHosts", maxHosts);
    }

    /**
     * Explaining a placement builds the solver's arrays for the whole plan on the request's thread: refused with 422
     * {@code explanation-too-large} when they would not fit {@code budgetBytes}, instead of running out of memory.
     */
    static void checkExplanation(PlanningProblem p, long budgetBytes) {
        long needed = vmBytes(p) + slotBytes(p) * p.slots().size();
        if (needed <= budgetBytes) return;
        throw ApiException.unprocessable(
                        "explanation-too-large",
                        String.format(
                                Locale.ROOT,
                                "explaining this plan needs %s, more than this node allows one request (%s); its "
                                        + "placements and action plan are still available",
                                memoryNeeded(p, needed),
                                allowed(budgetBytes)))
                .with("neededBytes", needed);
    }

    /** "about 1.2 GiB of solver memory (30 VMs and 1,000 hosts in the pool x 8,640 steps x 2 resources)". */
    private static String memoryNeeded(PlanningProblem p, long needed) {
        return String.format(
                Locale.ROOT,
                "about %s of solver memory (%,d VMs and %,d hosts in the pool x %,d steps x %d resources)",
                gib(needed),
                p.vmCount(),
                p.slots().size(),
                p.steps(),
                p.rows());
    }

    private static String allowed(long budgetBytes) {
        return String.format(Locale.ROOT, "%s, %.0f %% of its Java heap", gib(budgetBytes), HEAP_SHARE * 100);
    }

    private static String gib(long bytes) {
        return String.format(Locale.ROOT, "%.1f GiB", bytes / (double) (1L << 30));
    }
}
