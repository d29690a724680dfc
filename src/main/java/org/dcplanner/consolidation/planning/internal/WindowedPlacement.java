package org.dcplanner.consolidation.planning.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.dcplanner.consolidation.planning.PlanRequest.FromCurrentPlacement;
import org.dcplanner.consolidation.planning.solver.domain.PlanningProblem;

/**
 * A placement per window of the day, each reached from the one before with few migrations: the first window is
 * packed as given, each next one starts from the previous placement, moves VMs off the hosts the window's demand
 * overloads (largest first, best fit on a host in use, else the first free host they fit), then empties hosts
 * within the rest of the transition's migration cap ({@link MoveBudget}). The migration cost between windows is
 * thus a cap per transition, never exceeded by the emptying (relieving an overload is never skipped).
 */
public final class WindowedPlacement {
    private WindowedPlacement() {}

    /**
     * @param day          the whole day's problem (demand per row, VM and step; the pool's slots)
     * @param windowStarts first step of each window, increasing, the first 0; a window runs to the next's start
     * @param first        the placement of the first window (per VM, its slot)
     * @param maxMigrationsPerTransition cap on the emptying moves of one transition
     * @return per window, per VM, its slot
     */
    public static int[][] plan(PlanningProblem day, int[] windowStarts, int[] first, int maxMigrationsPerTransition) {
        int[][] out = new int[windowStarts.length][];
        out[0] = first.clone();
        for (int w = 1; w < windowStarts.length; w++) {
            int end = w + 1 < windowStarts.length ? windowStarts[w + 1] : day.steps();
            PlanningProblem slice = slice(day, windowStarts[w], end);
            int[] relieved = relieve(slice, out[w - 1]);
            int left = Math.max(0, maxMigrationsPerTransition - MoveBudget.migrationsFrom(out[w - 1], relieved));
            MoveBudget emptied = MoveBudget.plan(slice, relieved, new FromCurrentPlacement(Map.of(), left, 1, null));
            out[w] = emptied.placement();
        }
        return out;
    }

    /** The problem restricted to steps [from, to). */
    public static PlanningProblem slice(PlanningProblem p, int from, int to) {
        float[][][] d = new float[p.rows()][p.vmCount()][];
        for (int r = 0; r < d.length; r++)
            for (int v = 0; v < d[r].length; v++) d[r][v] = Arrays.copyOfRange(p.demand()[r][v], from, to);
        return new PlanningProblem(
                p.resources(),
                to - from,
                d,
                p.vmNames(),
                p.slots(),
                p.pinnedSlot(),
                p.antiAffinityGroup(),
                p.paravirtCapable(),
                p.approach(),
                p.haReserveHosts(),
                p.objective(),
                p.limitRows());
    }

    /** Moves VMs off every overloaded host until it fits: largest peak first, best fit in use, else a free host. */
    static int[] relieve(PlanningProblem p, int[] placement) {
        int[] out = placement.clone();
        HostLoadGrid grid = new HostLoadGrid(p);
        for (int v = 0; v < out.length; v++) if (out[v] >= 0) grid.add(v, out[v]);
        for (int h = 0; h < p.slots().size(); h++) {
            if (!grid.overloaded(h)) continue;
            List<Integer> on = new ArrayList<>();
            for (int v = 0; v < out.length; v++) if (out[v] == h) on.add(v);
            on.sort(Comparator.comparingDouble((Integer v) -> -peak(p, v)));
            for (int i = 0; i < on.size() && grid.overloaded(h); i++) {
                int v = on.get(i);
                int to = target(p, grid, v, h);
                if (to < 0) continue;
                grid.remove(v, h);
                grid.add(v, to);
                out[v] = to;
            }
        }
        return out;
    }

    private static int target(PlanningProblem p, HostLoadGrid grid, int v, int except) {
        int best = -1;
        double bestShare = -1;
        for (int s = 0; s < p.slots().size(); s++) {
            if (s == except || grid.vms(s) == 0) continue;
            double share = grid.shareWith(v, s);
            if (share != Double.POSITIVE_INFINITY && share > bestShare) {
                best = s;
                bestShare = share;
            }
        }
        if (best >= 0) return best;
        for (int s = 0; s < p.slots().size(); s++) if (s != except && grid.vms(s) == 0 && grid.fits(v, s)) return s;
        return -1;
    }

    private static double peak(PlanningProblem p, int vm) {
        double peak = 0;
        for (float d : p.demand()[0][vm]) peak = Math.max(peak, d);
        return peak;
    }
}
