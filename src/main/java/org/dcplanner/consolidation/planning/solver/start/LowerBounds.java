package org.dcplanner.consolidation.planning.solver.start;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import org.dcplanner.consolidation.planning.solver.SolveStopped;
import org.dcplanner.consolidation.planning.solver.StopPoll;
import org.dcplanner.consolidation.planning.solver.domain.PlanningProblem;

/**
 * Lower bounds on the active hosts of any feasible placement: the fluid bound (with the HA reserve), a per-step
 * bin-packing bound and the anti-affinity bound. The search stops at the tightest of them (a proven optimum);
 * plans show the fluid bound next to their host count.
 */
public final class LowerBounds {
    private LowerBounds() {}

    /**
     * max over resource r and step t of ceil(sum of demand / largest slot capacity of r), plus the HA reserve.
     * For heterogeneous pools this assumes every host were the largest one, so it stays a valid bound.
     */
    public static int lowerBoundHosts(PlanningProblem p) {
        return lowerBoundHosts(p, StopPoll.never());
    }

    /** The same, checking {@code stop} at every step ({@link SolveStopped} when it is on). */
    public static int lowerBoundHosts(PlanningProblem p, StopPoll stop) {
        if (p.vmCount() == 0) {
            return 0;
        }
        int bound = 1;
        for (int r = 0; r < p.rows(); r++) {
            int res = r;
            double largest =
                    p.slots().stream().mapToDouble(s -> s.capacity()[res]).max().orElse(0);
            for (int t = 0; t < p.steps(); t++) {
                stop.check();
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
        return stepwiseBinPackingBound(p, StopPoll.never());
    }

    /** The same, checking {@code stop} at every step ({@link SolveStopped} when it is on). */
    public static int stepwiseBinPackingBound(PlanningProblem p, StopPoll stop) {
        int bound = p.vmCount() == 0 ? 0 : 1;
        for (int r = 0; r < p.rows(); r++) {
            int res = r;
            double capacity =
                    p.slots().stream().mapToDouble(s -> s.capacity()[res]).max().orElse(0);
            if (capacity <= 0) {
                continue;
            }
            double[] sizes = new double[p.vmCount()];
            for (int t = 0; t < p.steps(); t++) {
                stop.check();
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
}
