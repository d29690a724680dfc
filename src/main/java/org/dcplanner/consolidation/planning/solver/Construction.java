package org.dcplanner.consolidation.planning.solver;

import java.util.Comparator;
import java.util.stream.Stream;

/**
 * Picks the start placement: the better of the two baselines by score. With an HA reserve, time-series FFD is
 * also run with capacity scaled down (1 - k x 2.5 % to half, then x 0.8 a time) until the fluid HA condition holds:
 * when every VM fits on one host at half its capacity, only a smaller share spreads them over reserve + 1 hosts.
 * The host-emptying and balancing phases only take feasible starts, so without one no plan gets balanced.
 */
final class Construction {
    /** The smallest capacity share tried for an HA start: 1 %, i.e. VMs spread over up to 100x the fluid count. */
    private static final double MIN_CAPACITY_FACTOR = 0.01;

    private Construction() {}

    static int[] best(DemandModel model, int[] peakFfd, int[] tsFfd) {
        Stream.Builder<int[]> candidates = Stream.<int[]>builder().add(tsFfd).add(peakFfd);
        if (model.haReserveHosts() > 0 && ledger(model, tsFfd).hardPenalty() > 0) {
            for (double factor = 0.975; factor >= MIN_CAPACITY_FACTOR; factor = nextFactor(factor)) {
                int[] spread = Baselines.timeSeriesFfd(model, factor);
                candidates.add(spread);
                // feasible, or every host of the pool in use: a smaller share cannot spread further
                if (ledger(model, spread).hardPenalty() == 0 || Baselines.hostsUsed(spread) >= model.slots()) {
                    break;
                }
            }
        }
        return candidates.build()
                .min(Comparator.comparing((int[] a) -> ledger(model, a).score()).reversed())
                .orElse(tsFfd);
    }

    private static double nextFactor(double factor) {
        return factor > 0.5 ? factor - 0.025 : factor * 0.8;
    }

    /** A fresh ledger holding the assignment (unassigned VMs skipped). */
    static ScoreLedger ledger(DemandModel model, int[] vmSlot) {
        ScoreLedger ledger = new ScoreLedger(model);
        for (int v = 0; v < vmSlot.length; v++) {
            if (vmSlot[v] >= 0) {
                ledger.add(v, vmSlot[v]);
            }
        }
        return ledger;
    }
}
