package org.dcplanner.consolidation.planning.solver;

import java.util.Comparator;
import java.util.stream.Stream;

/**
 * Picks the start placement: the better of the two baselines by score. With an HA reserve, time-series FFD is
 * also run with capacity scaled down (1 - k x 2.5 %) until the fluid HA condition holds.
 */
final class Construction {
    private Construction() {}

    static int[] best(DemandModel model, int[] peakFfd, int[] tsFfd) {
        Stream.Builder<int[]> candidates = Stream.<int[]>builder().add(tsFfd).add(peakFfd);
        if (model.haReserveHosts() > 0 && ledger(model, tsFfd).hardPenalty() > 0) {
            for (double factor = 0.975; factor >= 0.5; factor -= 0.025) {
                int[] spread = Baselines.timeSeriesFfd(model, factor);
                candidates.add(spread);
                if (ledger(model, spread).hardPenalty() == 0) {
                    break;
                }
            }
        }
        return candidates.build()
                .min(Comparator.comparing((int[] a) -> ledger(model, a).score()).reversed())
                .orElse(tsFfd);
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
