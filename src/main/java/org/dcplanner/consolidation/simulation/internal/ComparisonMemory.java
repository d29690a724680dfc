package org.dcplanner.consolidation.simulation.internal;

import org.dcplanner.consolidation.problem.ApiException;

/**
 * Whether a plan's approach comparison fits this node's heap before it loads the trace: it holds the whole trace
 * as floats, each approach's host-side demand and the baselines' sizing next to it, while the replay job and
 * requests share the heap. Measured: a 50,000-VM x 8,640-step CPU + memory month (3.5 GB of floats) ran a 10 GB
 * heap out of memory, taking the node's database connections with it; a refused comparison leaves the node well.
 */
final class ComparisonMemory {
    /** Bytes per stored value while comparing: the loaded float, an approach's host-side copy and the sizing's. */
    static final long BYTES_PER_CELL = 12;
    /** Share of the heap the comparison may take: the replay job and dashboard requests run beside it. */
    static final double HEAP_SHARE = 0.45;

    private ComparisonMemory() {}

    /** Throws 422 comparison-too-large when {@code storedCells} values would not fit; 0 cells: unknown, allowed. */
    static void check(long storedCells, long maxHeapBytes) {
        long needBytes = storedCells * BYTES_PER_CELL;
        long budgetBytes = (long) (maxHeapBytes * HEAP_SHARE);
        if (needBytes > budgetBytes) {
            throw ApiException.unprocessable(
                    "comparison-too-large",
                    "The approach comparison replays the whole trace (" + storedCells + " values, about "
                            + (needBytes >> 20) + " MiB while comparing) and does not fit this node's heap ("
                            + (maxHeapBytes >> 20) + " MiB, " + Math.round(HEAP_SHARE * 100)
                            + " % of it for the comparison): give the service a larger heap (-Xmx) or compare on a"
                            + " shorter window of the trace (a plan with from/to)");
        }
    }
}
