package org.dcplanner.consolidation.planning.solver;

import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.IntStream;

/**
 * The references every plan is judged by: a lower bound on active hosts and two first-fit-decreasing
 * baselines. Both FFDs honour pins, hardware assist and anti-affinity; a VM that fits nowhere goes to the
 * allowed slot where it overflows least (the baseline is then infeasible).
 * Complexity: O(V log V + V x S x R x T) worst case for the time-series FFD.
 */
public final class Baselines {
    private Baselines() {}

    /**
     * max over resource r and step t of ceil(sum of demand / largest slot capacity of r), plus the HA reserve.
     * For heterogeneous pools this assumes every host were the largest one, so it stays a valid bound.
     */
    public static int lowerBoundHosts(PlanningProblem p) {
        if (p.vmCount() == 0) {
            return 0;
        }
        int bound = 1;
        for (int r = 0; r < p.rows(); r++) {
            int res = r;
            double largest = p.slots().stream().mapToDouble(s -> s.capacity()[res]).max().orElse(0);
            for (int t = 0; t < p.steps(); t++) {
                double sum = 0;
                for (int v = 0; v < p.vmCount(); v++) {
                    sum += Math.max(0, p.demand()[r][v][t]);
                }
                if (largest > 0) {
                    bound = Math.max(bound, (int) Math.ceil(sum / largest - 1e-9));
                }
            }
        }
        return bound + Math.max(0, p.haReserveHosts());
    }

    /**
     * A bin-packing bound per step: max over resource r and step t of the Martello-Toth bound L2 (Martello &
     * Toth, "Knapsack Problems", 1990, ch. 8) on the VMs' demands at t with the largest slot capacity C of r.
     * Valid because a placement feasible at every step packs, at each single step t, the items d_v(t) into the
     * active hosts, and hosts no larger than C; so the hosts needed are at least L2 of that step. For
     * 0 <= a <= C/2 let J1 = items above C - a, J2 = items in (C/2, C - a], J3 = items in [a, C/2]: items of
     * J1 and J2 pairwise exceed C so each needs its own host; a J1 host has room below a, so J3 items fit only
     * into the J2 hosts' spare room (|J2| C - sum J2) or into further hosts:
     * L(a) = |J1| + |J2| + max(0, ceil((sum J3 - (|J2| C - sum J2)) / C)), and L2 = max over a (enough: a = 0
     * and each item size at most C/2). L2 >= the fluid bound of that step (a = 0). The HA reserve is not
     * added (the fluid argument behind {@link #lowerBoundHosts} does not carry over); comparisons with float
     * tolerance lean towards a lower value. O(R x T x V log V).
     */
    public static int stepwiseBinPackingBound(PlanningProblem p) {
        int bound = p.vmCount() == 0 ? 0 : 1;
        for (int r = 0; r < p.rows(); r++) {
            int res = r;
            double capacity = p.slots().stream().mapToDouble(s -> s.capacity()[res]).max().orElse(0);
            if (capacity <= 0) {
                continue;
            }
            double[] sizes = new double[p.vmCount()];
            for (int t = 0; t < p.steps(); t++) {
                for (int v = 0; v < sizes.length; v++) {
                    sizes[v] = Math.max(0, p.demand()[r][v][t]);
                }
                bound = Math.max(bound, martelloTothL2(sizes, capacity));
            }
        }
        return bound;
    }

    /** Martello-Toth L2 for item sizes (reordered in place) and bin capacity c; see stepwiseBinPackingBound. */
    static int martelloTothL2(double[] sizes, double c) {
        Arrays.sort(sizes);
        int n = sizes.length;
        double eps = 1e-9 * c;
        double[] prefix = new double[n + 1];
        for (int i = 0; i < n; i++) {
            prefix[i + 1] = prefix[i] + sizes[i];
        }
        int firstBig = firstAbove(sizes, c / 2 + eps);
        int best = 0;
        for (int i = -1; i < firstBig; i++) {
            double a = i < 0 ? 0 : sizes[i];
            if (i > 0 && sizes[i] == sizes[i - 1]) {
                continue;
            }
            int firstJ1 = firstAbove(sizes, c - a + eps);
            int firstJ3 = i < 0 ? 0 : i;
            int j1 = n - firstJ1;
            int j2 = firstJ1 - firstBig;
            double sumJ2 = prefix[firstJ1] - prefix[firstBig];
            double sumJ3 = prefix[firstBig] - prefix[firstJ3];
            double extra = (sumJ3 - (j2 * c - sumJ2)) / c;
            int bound = j1 + j2 + (extra > 0 ? (int) Math.ceil(extra - 1e-9) : 0);
            best = Math.max(best, bound);
        }
        return best;
    }

    /** Index of the first sorted size strictly above the limit (n if none). */
    private static int firstAbove(double[] sorted, double limit) {
        int lo = 0;
        int hi = sorted.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (sorted[mid] > limit) {
                hi = mid;
            } else {
                lo = mid + 1;
            }
        }
        return lo;
    }

    /** First-fit decreasing on each VM's per-resource peak, as per-VM sizing tools plan. */
    public static int[] peakFfd(DemandModel m) {
        long[][] peakLoad = new long[m.resources()][m.slots()];
        ScoreLedger ledger = new ScoreLedger(m);
        int[] slotOf = new int[m.vms()];
        int[] poolOrder = poolOrder(m);
        for (int vm : decreasingOrder(m)) {
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
        return timeSeriesFfd(m, capacityFactor, poolOrder(m));
    }

    /**
     * The order first fit tries the slots in: cheapest per unit of capacity first ({@link #costPerCapacity}), ties in
     * pool order. On a one-model pool this is the pool order; on a mixed pool the result no longer depends on the order
     * the pool lists its models in.
     */
    static int[] poolOrder(DemandModel m) {
        double[] price = costPerCapacity(m);
        return IntStream.range(0, m.slots()).boxed().sorted(java.util.Comparator.comparingDouble((Integer s) -> price[s]))
                .mapToInt(Integer::intValue).toArray();
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
            PlanningProblem.HostSlotSpec spec = model.slotSpec(s);
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
    static int[] timeSeriesFfd(DemandModel m, double capacityFactor, int[] slotOrder) {
        ScoreLedger ledger = new ScoreLedger(m);
        HostLoads loads = ledger.loads();
        int[] slotOf = new int[m.vms()];
        for (int vm : decreasingOrder(m)) {
            int slot = firstFit(m, ledger, vm, slotOrder, s -> loads.fits(vm, s, capacityFactor));
            ledger.add(vm, slot);
            slotOf[vm] = slot;
        }
        return slotOf;
    }

    /**
     * Hosts the largest anti-affinity group needs, its VMs one per host, plus the HA reserve (0 without groups): with
     * whole-VM HA each member of a group on a failed host needs a surviving host without another member.
     */
    public static int antiAffinityBound(PlanningProblem p) {
        Map<Integer, Integer> size = new HashMap<>();
        int largest = 0;
        for (int group : p.antiAffinityGroup()) {
            if (group >= 0) largest = Math.max(largest, size.merge(group, 1, Integer::sum));
        }
        // whole-VM HA: after any k hosts fail, the group's members still need a surviving host each
        return largest == 0 ? 0 : largest + Math.max(0, p.haReserveHosts());
    }

    /** Number of distinct slots used. */
    public static int hostsUsed(int[] vmSlot) {
        return (int) Arrays.stream(vmSlot).filter(s -> s >= 0).distinct().count();
    }

    /** Pinned VMs first, then the others by decreasing normalized peak (ties by index). */
    static int[] decreasingOrder(DemandModel m) {
        return IntStream.range(0, m.vms()).boxed()
                .sorted(Comparator.<Integer>comparingInt(v -> m.pinnedSlot(v) >= 0 ? 0 : 1)
                        .thenComparing(v -> -m.normalizedPeak(v)))
                .mapToInt(Integer::intValue).toArray();
    }

    private static int firstFit(DemandModel m, ScoreLedger ledger, int vm, int[] slotOrder,
                                java.util.function.IntPredicate fits) {
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
            long overflow = ledger.loads().overflowIfAdded(vm, s) + (groupFree ? 0 : SlotTerms.DISCRETE_VIOLATION_WEIGHT);
            if (overflow < fallbackOverflow) {
                fallbackOverflow = overflow;
                fallback = s;
            }
        }
        return fallback >= 0 ? fallback : Math.max(0, m.pinnedSlot(vm));
    }
}
