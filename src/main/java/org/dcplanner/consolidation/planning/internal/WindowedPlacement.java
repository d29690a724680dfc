package org.dcplanner.consolidation.planning.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.dcplanner.consolidation.planning.PlanRequest.FromCurrentPlacement;
import org.dcplanner.consolidation.planning.solver.domain.PlanningProblem;

/**
 * A placement per window of the day, each reached from the one before with few migrations: each window starts from
 * the previous placement (the first from a given one, e.g. the plan's placement over all steps), moves VMs off the hosts the window's demand
 * overloads (largest first, best fit on a host in use, else the first free host they fit), then empties hosts
 * within the rest of the transition's migration cap ({@link MoveBudget}). The migration cost between windows is
 * thus a cap per transition, never exceeded by the emptying (relieving an overload is never skipped).
 */
public final class WindowedPlacement {
    private WindowedPlacement() {}

    /**
     * @param day     the problem over all steps (demand per row, VM and step; the pool's slots)
     * @param windows per window in the order they follow each other, the steps it covers
     * @param start   the placement the first window is reached from (per VM, its slot)
     * @param maxMigrationsPerTransition cap on the emptying moves of one transition
     * @return per window (same order), per VM, its slot
     */
    public static int[][] plan(
            PlanningProblem day, List<boolean[]> windows, int[] start, int maxMigrationsPerTransition) {
        int[][] out = new int[windows.size()][];
        int[] previous = start;
        for (int w = 0; w < windows.size(); w++) {
            out[w] = transition(slice(day, windows.get(w)), previous, maxMigrationsPerTransition);
            previous = out[w];
        }
        return out;
    }

    /** Contiguous windows of one day: window k covers steps [starts[k], starts[k+1]). */
    public static List<boolean[]> contiguous(int steps, int[] starts) {
        List<boolean[]> masks = new ArrayList<>();
        for (int w = 0; w < starts.length; w++) {
            boolean[] m = new boolean[steps];
            int end = w + 1 < starts.length ? starts[w + 1] : steps;
            Arrays.fill(m, starts[w], end, true);
            masks.add(m);
        }
        return masks;
    }

    /** From {@code previous} to a placement for the window's demand: overloads relieved, then hosts emptied. */
    static int[] transition(PlanningProblem window, int[] previous, int cap) {
        if (window.steps() == 0) return previous.clone();
        int[] relieved = relieve(window, previous);
        int left = Math.max(0, cap - MoveBudget.migrationsFrom(previous, relieved));
        return MoveBudget.plan(window, relieved, new FromCurrentPlacement(Map.of(), left, 1, null))
                .placement();
    }

    /** The problem restricted to the steps of the mask. */
    public static PlanningProblem slice(PlanningProblem p, boolean[] steps) {
        int[] kept = java.util.stream.IntStream.range(0, p.steps())
                .filter(t -> steps[t])
                .toArray();
        float[][][] d = new float[p.rows()][p.vmCount()][kept.length];
        for (int r = 0; r < d.length; r++) {
            for (int v = 0; v < d[r].length; v++) {
                float[] src = p.demand()[r][v];
                for (int i = 0; i < kept.length; i++) d[r][v][i] = src[kept[i]];
            }
        }
        return p.with(kept.length, d, p.slots(), p.pinnedSlot());
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
