package org.dcplanner.consolidation.planning.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import org.dcplanner.consolidation.planning.PlanRequest.FromCurrentPlacement;
import org.dcplanner.consolidation.planning.solver.domain.PlanningProblem;

/**
 * Consolidation from today's placement under a move budget. Savings come from emptied hosts, so the budget is spent
 * on whole evacuations: today's hosts are tried from the cheapest to empty (fewest VMs, then lightest), and a host
 * is emptied when all its VMs fit best-fit on hosts that stay on and the migrations so far plus its VMs stay
 * within {@code maxMigrations}. When the hosts emptied (or their idle power) fall short of the budget's minimum
 * saving, nothing moves. Every VM not on an emptied host is pinned where it runs, so the solver that refines the
 * result can move at most the emptied hosts' VMs: the cap on migrations holds whatever it does.
 *
 * @param placement   the budgeted placement (a complete start for the solver)
 * @param pinned      per VM, the slot it keeps (-1: free to place)
 * @param emptied     the slots emptied, in the order chosen
 * @param migrations  live migrations of the budgeted placement
 * @param idleKwSaved idle power of the emptied hosts, in kW
 * @param moved       false when the saving fell short of the minimum (today's placement kept)
 */
record MoveBudget(
        int[] placement, int[] pinned, List<Integer> emptied, int migrations, double idleKwSaved, boolean moved) {

    static MoveBudget plan(PlanningProblem problem, int[] today, FromCurrentPlacement budget) {
        int slots = problem.slots().size();
        HostLoadGrid grid = new HostLoadGrid(problem);
        int[] placement = today.clone();
        for (int v = 0; v < placement.length; v++) if (placement[v] >= 0) grid.add(v, placement[v]);
        placeUnknown(problem, grid, placement);
        boolean[] emptied = new boolean[slots];
        List<Integer> order = new ArrayList<>();
        int migrations = 0;
        double idleKw = 0;
        for (int host : cheapestToEmpty(problem, grid, placement)) {
            int[] vms = vmsOn(placement, host);
            if (migrations + vms.length > budget.migrationCap()) continue;
            int[] targets = evacuate(problem, grid, placement, host, vms, emptied);
            if (targets == null) continue;
            emptied[host] = true;
            order.add(host);
            // a VM moved twice (onto a host emptied later) is one migration from today's host to its last
            placement = targets;
            migrations = migrationsFrom(today, placement);
            idleKw += problem.slots().get(host).idleWatts() / 1000;
        }
        boolean enough = order.size() >= budget.hostsSavedAtLeast() && idleKw >= budget.kwSavedAtLeast();
        if (!enough || order.isEmpty()) {
            int[] kept = today.clone();
            // VMs without a current host keep where they were first placed
            for (int v = 0; v < kept.length; v++) if (kept[v] < 0) kept[v] = placement[v];
            return new MoveBudget(kept, pinAll(today, kept), List.of(), 0, 0, false);
        }
        int[] pinned = new int[placement.length];
        for (int v = 0; v < pinned.length; v++) {
            pinned[v] = today[v] >= 0 && !emptied[today[v]] ? today[v] : -1;
        }
        return new MoveBudget(placement, pinned, List.copyOf(order), migrations, idleKw, true);
    }

    static int migrationsFrom(int[] today, int[] placement) {
        int n = 0;
        for (int v = 0; v < today.length; v++) if (today[v] >= 0 && placement[v] != today[v]) n++;
        return n;
    }

    /** The problem with this budget's pins (the VMs that stay where they run). */
    PlanningProblem pinnedProblem(PlanningProblem p) {
        return p.with(p.steps(), p.demand(), p.slots(), pinned.clone());
    }

    /** Everything where it is; VMs without a current host free. */
    private static int[] pinAll(int[] today, int[] kept) {
        int[] pins = new int[today.length];
        for (int v = 0; v < pins.length; v++) pins[v] = today[v] >= 0 ? kept[v] : -1;
        return pins;
    }

    /** VMs with no known host: best fit on a host in use, else on the first empty one they fit, else the emptiest. */
    private static void placeUnknown(PlanningProblem problem, HostLoadGrid grid, int[] placement) {
        for (int v = 0; v < placement.length; v++) {
            if (placement[v] >= 0) continue;
            boolean[] none = new boolean[problem.slots().size()];
            int best = bestFit(problem, grid, placement, v, -1, none, true);
            if (best < 0) best = bestFit(problem, grid, placement, v, -1, none, false);
            if (best < 0) best = emptiest(grid, problem.slots().size());
            placement[v] = best;
            grid.add(v, best);
        }
    }

    private static int emptiest(HostLoadGrid grid, int slots) {
        int best = 0;
        for (int s = 1; s < slots; s++) if (grid.vms(s) < grid.vms(best)) best = s;
        return best;
    }

    /** Hosts in use, fewest VMs first, then the least idle-efficient (highest idle watts) first. */
    private static List<Integer> cheapestToEmpty(PlanningProblem problem, HostLoadGrid grid, int[] placement) {
        List<Integer> hosts = new ArrayList<>();
        for (int s = 0; s < problem.slots().size(); s++) if (grid.vms(s) > 0) hosts.add(s);
        hosts.sort(Comparator.comparingInt(grid::vms)
                .thenComparing(s -> -problem.slots().get(s).idleWatts())
                .thenComparingInt(s -> s));
        return hosts;
    }

    private static int[] vmsOn(int[] placement, int host) {
        return java.util.stream.IntStream.range(0, placement.length)
                .filter(v -> placement[v] == host)
                .toArray();
    }

    /**
     * Moves the host's VMs (largest first) best-fit onto hosts in use that are not emptied; the new slot per VM (index
     * by VM), or null (grid unchanged) when one does not fit.
     */
    private static int[] evacuate(
            PlanningProblem problem, HostLoadGrid grid, int[] placement, int host, int[] vms, boolean[] emptied) {
        Integer[] bySize = Arrays.stream(vms).boxed().toArray(Integer[]::new);
        Arrays.sort(bySize, Comparator.comparingDouble((Integer v) -> -peak(problem, v)));
        int[] targets = placement.clone();
        List<int[]> done = new ArrayList<>();
        boolean[] closed = emptied.clone();
        closed[host] = true;
        for (int v : bySize) {
            int to = bestFit(problem, grid, targets, v, host, closed, true);
            if (to < 0) {
                for (int[] d : done) {
                    grid.remove(d[0], d[1]);
                    grid.add(d[0], host);
                }
                return null;
            }
            grid.remove(v, host);
            grid.add(v, to);
            targets[v] = to;
            done.add(new int[] {v, to});
        }
        return targets;
    }

    /** The fitting slot (in use or not, as asked) left fullest by the VM, or -1. */
    private static int bestFit(
            PlanningProblem problem,
            HostLoadGrid grid,
            int[] placement,
            int vm,
            int except,
            boolean[] closed,
            boolean inUse) {
        int best = -1;
        double bestShare = -1;
        for (int s = 0; s < problem.slots().size(); s++) {
            if (s == except || closed[s] || (grid.vms(s) > 0) != inUse) continue;
            if (!antiAffinityAllows(problem, placement, vm, s)) continue;
            double share = grid.shareWith(vm, s);
            if (share != Double.POSITIVE_INFINITY && share > bestShare) {
                best = s;
                bestShare = share;
            }
            if (!inUse && best >= 0) break;
        }
        return best;
    }

    private static boolean antiAffinityAllows(PlanningProblem problem, int[] placement, int vm, int slot) {
        int group = problem.antiAffinityGroup()[vm];
        if (group < 0) return true;
        for (int v = 0; v < placement.length; v++) {
            if (v != vm && placement[v] == slot && problem.antiAffinityGroup()[v] == group) return false;
        }
        return true;
    }

    /** The VM's largest demand over the steps in its first row (CPU): the order VMs are moved in. */
    private static double peak(PlanningProblem problem, int vm) {
        double peak = 0;
        for (float d : problem.demand()[0][vm]) peak = Math.max(peak, d);
        return peak;
    }
}
