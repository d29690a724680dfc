package org.dcplanner.consolidation.planning.solver.start;

import java.util.Arrays;
import java.util.Comparator;
import java.util.stream.IntStream;
import org.dcplanner.consolidation.planning.solver.SolveStopped;
import org.dcplanner.consolidation.planning.solver.StopPoll;
import org.dcplanner.consolidation.planning.solver.domain.DemandModel;
import org.dcplanner.consolidation.planning.solver.score.HostLoads;
import org.dcplanner.consolidation.planning.solver.score.ScoreLedger;
import org.dcplanner.consolidation.planning.solver.score.SlotTerms;

/**
 * The two first-fit-decreasing baselines every plan is judged by (the bounds are {@link LowerBounds}).
 * Both FFDs honour pins, hardware assist and anti-affinity; a VM that fits nowhere goes to the
 * allowed slot where it overflows least (the baseline is then infeasible).
 * Complexity: O(V log V + V x S x R x T) worst case for the time-series FFD.
 */
public final class Baselines {
    private Baselines() {}

    /** First-fit decreasing on each VM's per-resource peak, as per-VM sizing tools plan. */
    public static int[] peakFfd(DemandModel m) {
        return peakFfd(m, StopPoll.never());
    }

    /** The same, checking {@code stop} before each VM ({@link SolveStopped} when it is on). */
    public static int[] peakFfd(DemandModel m, StopPoll stop) {
        long[][] peakLoad = new long[m.resources()][m.slots()];
        ScoreLedger ledger = new ScoreLedger(m);
        int[] slotOf = new int[m.vms()];
        int[] poolOrder = poolOrder(m);
        for (int vm : decreasingOrder(m)) {
            stop.check();
            int slot = firstFit(m, ledger, vm, poolOrder, s -> {
                for (int r = 0; r < m.resources(); r++) {
                    if (peakLoad[r][s] + m.peak(r, vm) > m.capacity(r, s)) {
                        return false;
                    }
                }
                return true;
            });
            for (int r = 0; r < m.resources(); r++) {
                peakLoad[r][slot] += m.peak(r, vm);
            }
            ledger.add(vm, slot);
            slotOf[vm] = slot;
        }
        return slotOf;
    }

    /**
     * First-fit decreasing on the time series: a VM fits a slot if at every step and resource the summed
     * demand stays within capacity x {@code capacityFactor} (1.0 for the baseline).
     */
    public static int[] timeSeriesFfd(DemandModel m, double capacityFactor) {
        return timeSeriesFfd(m, capacityFactor, poolOrder(m), StopPoll.never());
    }

    /** The same, checking {@code stop} before each VM ({@link SolveStopped} when it is on). */
    public static int[] timeSeriesFfd(DemandModel m, double capacityFactor, StopPoll stop) {
        return timeSeriesFfd(m, capacityFactor, poolOrder(m), stop);
    }

    /**
     * The order first fit tries the slots in: cheapest per unit of capacity first ({@link #costPerCapacity}), ties in
     * pool order. On a one-model pool this is the pool order; on a mixed pool the result no longer depends on the order
     * the pool lists its models in.
     */
    static int[] poolOrder(DemandModel m) {
        double[] price = costPerCapacity(m);
        return IntStream.range(0, m.slots())
                .boxed()
                .sorted(Comparator.comparingDouble((Integer s) -> price[s]))
                .mapToInt(Integer::intValue)
                .toArray();
    }

    /**
     * Per slot, the objective's price per its mean share of the pool's largest capacity per resource: 1 (fewest hosts:
     * larger hosts first), yearly cost (COST) or full-load watts (POWER).
     */
    static double[] costPerCapacity(DemandModel model) {
        long[] largest = new long[model.resources()];
        for (int r = 0; r < largest.length; r++) {
            largest[r] = 1;
            for (int s = 0; s < model.slots(); s++) {
                largest[r] = Math.max(largest[r], model.capacity(r, s));
            }
        }
        double[] price = new double[model.slots()];
        for (int s = 0; s < price.length; s++) {
            double share = 0;
            for (int r = 0; r < largest.length; r++) {
                share += model.capacity(r, s) / (double) largest[r] / largest.length;
            }
            var spec = model.slotSpec(s);
            double cost = switch (model.objective()) {
                case HOSTS -> 1;
                case POWER -> spec.maxWatts();
                case COST -> spec.yearlyCost();
            };
            price[s] = cost / Math.max(1e-9, share);
        }
        return price;
    }

    /** The same, trying the slots in {@code slotOrder} (every slot once) instead of pool order. */
    static int[] timeSeriesFfd(DemandModel m, double capacityFactor, int[] slotOrder, StopPoll stop) {
        ScoreLedger ledger = new ScoreLedger(m);
        HostLoads loads = ledger.loads();
        int[] slotOf = new int[m.vms()];
        for (int vm : decreasingOrder(m)) {
            stop.check();
            int slot = firstFit(m, ledger, vm, slotOrder, s -> loads.fits(vm, s, capacityFactor));
            ledger.add(vm, slot);
            slotOf[vm] = slot;
        }
        return slotOf;
    }

    /** Number of distinct slots used. */
    public static int hostsUsed(int[] vmSlot) {
        return (int) Arrays.stream(vmSlot).filter(s -> s >= 0).distinct().count();
    }

    /** Pinned VMs first, then the others by decreasing normalized peak (ties by index). */
    public static int[] decreasingOrder(DemandModel m) {
        return IntStream.range(0, m.vms())
                .boxed()
                .sorted(Comparator.<Integer>comparingInt(v -> m.pinnedSlot(v) >= 0 ? 0 : 1)
                        .thenComparing(v -> -m.normalizedPeak(v)))
                .mapToInt(Integer::intValue)
                .toArray();
    }

    private static int firstFit(
            DemandModel m, ScoreLedger ledger, int vm, int[] slotOrder, java.util.function.IntPredicate fits) {
        int group = m.antiAffinityGroup(vm);
        int fallback = -1;
        long fallbackOverflow = Long.MAX_VALUE;
        for (int s : slotOrder) {
            if (!m.allowed(vm, s)) {
                continue;
            }
            boolean groupFree = ledger.groupCountOn(s, group) == 0;
            if (groupFree && fits.test(s)) {
                return s;
            }
            long overflow =
                    ledger.loads().overflowIfAdded(vm, s) + (groupFree ? 0 : SlotTerms.DISCRETE_VIOLATION_WEIGHT);
            if (overflow < fallbackOverflow) {
                fallbackOverflow = overflow;
                fallback = s;
            }
        }
        return fallback >= 0 ? fallback : Math.max(0, m.pinnedSlot(vm));
    }
}
