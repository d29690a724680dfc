package org.dcplanner.consolidation.planning.internal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.dcplanner.consolidation.planning.internal.ActionPlan.Action;
import org.dcplanner.consolidation.planning.internal.ActionPlan.Kind;
import org.dcplanner.consolidation.planning.solver.domain.PlanningProblem;

/**
 * Orders the moves between two placements of one problem into an {@link ActionPlan}. Each round emits every pending
 * move whose destination has room now (at every step and row), largest memory first among equals; when none fits (a
 * cycle of full hosts), the smallest pending VM takes a detour to a host with room (a host in use, else a free host
 * powered on for it) and moves on later; when no host has room, the rest go in order flagged over capacity.
 */
final class ActionPlanBuilder {
    private final PlanningProblem problem;
    private final List<String> hostNames;
    private final double[] memoryMib;
    private final double[] networkKBps;

    /**
     * @param hostNames   per slot, what the operator calls the host
     * @param memoryMib   per VM, its configured memory (what a live migration copies)
     * @param networkKBps per slot, its network bandwidth (a migration to it uses half, per CloudSim)
     */
    ActionPlanBuilder(PlanningProblem problem, List<String> hostNames, double[] memoryMib, double[] networkKBps) {
        this.problem = problem;
        this.hostNames = hostNames;
        this.memoryMib = memoryMib;
        this.networkKBps = networkKBps;
    }

    /** Seconds to migrate {@code memoryMib} to a host of {@code networkKBps}: L1, RAM ÷ (0.5 × bandwidth). */
    static double migrationSeconds(double memoryMib, double networkKBps) {
        return networkKBps > 0 ? memoryMib * 1024 / (0.5 * networkKBps) : 0;
    }

    /** @param from per VM its slot now (-1: runs nowhere known); @param to per VM its planned slot */
    ActionPlan build(int[] from, int[] to) {
        int slots = problem.slots().size();
        HostLoadGrid grid = new HostLoadGrid(problem);
        int[] at = from.clone();
        for (int v = 0; v < at.length; v++) if (at[v] >= 0) grid.add(v, at[v]);
        boolean[] on = new boolean[slots];
        for (int s = 0; s < slots; s++) on[s] = grid.vms(s) > 0;
        boolean[] endsOn = new boolean[slots];
        for (int slot : to) if (slot >= 0) endsOn[slot] = true;
        Sequence seq = new Sequence();
        boolean[] detoured = new boolean[at.length];
        List<Integer> pending = new ArrayList<>();
        for (int v = 0; v < at.length; v++) if (to[v] >= 0 && at[v] != to[v]) pending.add(v);
        pending.sort(Comparator.comparingDouble((Integer v) -> -memoryMib[v]).thenComparingInt(v -> v));
        while (!pending.isEmpty()) {
            boolean progress = false;
            for (var it = pending.iterator(); it.hasNext(); ) {
                int v = it.next();
                if (!grid.fits(v, to[v])) continue;
                move(seq, grid, at, on, endsOn, v, to[v], false, false);
                it.remove();
                progress = true;
            }
            if (progress) continue;
            // one detour per VM at most, so the rounds end
            int v = pending.stream()
                    .filter(x -> !detoured[x] && at[x] >= 0)
                    .min(Comparator.comparingDouble((Integer x) -> memoryMib[x]))
                    .orElse(-1);
            int detour = v < 0 ? -1 : detour(grid, at, to, on, endsOn, v);
            if (detour >= 0) {
                detoured[v] = true;
                move(seq, grid, at, on, endsOn, v, detour, true, false);
                continue;
            }
            for (int x : pending) move(seq, grid, at, on, endsOn, x, to[x], false, !grid.fits(x, to[x]));
            pending.clear();
        }
        return seq.plan();
    }

    /** A host with room for the VM other than its own: one in use first, else a free one that is off. */
    private int detour(HostLoadGrid grid, int[] at, int[] to, boolean[] on, boolean[] endsOn, int v) {
        for (int s = 0; s < on.length; s++) if (on[s] && s != at[v] && s != to[v] && grid.fits(v, s)) return s;
        for (int s = 0; s < on.length; s++) if (!on[s] && !endsOn[s] && grid.fits(v, s)) return s;
        return -1;
    }

    private void move(
            Sequence seq,
            HostLoadGrid grid,
            int[] at,
            boolean[] on,
            boolean[] endsOn,
            int v,
            int dest,
            boolean staging,
            boolean overCapacity) {
        if (!on[dest]) {
            on[dest] = true;
            seq.add(Kind.POWER_ON, null, hostNames.get(dest), null, 0, 0, false, false);
        }
        int source = at[v];
        String vm = problem.vmNames().get(v);
        if (source < 0) {
            seq.add(Kind.PLACE, vm, null, hostNames.get(dest), 0, 0, false, overCapacity);
        } else {
            grid.remove(v, source);
            seq.add(
                    Kind.MIGRATE,
                    vm,
                    hostNames.get(source),
                    hostNames.get(dest),
                    memoryMib[v],
                    migrationSeconds(memoryMib[v], networkKBps[dest]),
                    staging,
                    overCapacity);
        }
        grid.add(v, dest);
        at[v] = dest;
        if (source >= 0 && grid.vms(source) == 0 && !endsOn[source]) {
            on[source] = false;
            seq.add(Kind.POWER_OFF, null, hostNames.get(source), null, 0, 0, false, false);
        }
    }

    /** The steps so far, with their start times (one migration after another). */
    private static final class Sequence {
        private final List<Action> actions = new ArrayList<>();
        private double clock;
        private int migrations, placements, powerOns, powerOffs;
        private double memoryMib;

        void add(
                Kind kind,
                String vm,
                String from,
                String to,
                double memory,
                double seconds,
                boolean staging,
                boolean overCapacity) {
            actions.add(
                    new Action(actions.size() + 1, kind, vm, from, to, memory, clock, seconds, staging, overCapacity));
            clock += seconds;
            switch (kind) {
                case MIGRATE -> {
                    migrations++;
                    memoryMib += memory;
                }
                case PLACE -> placements++;
                case POWER_ON -> powerOns++;
                case POWER_OFF -> powerOffs++;
            }
        }

        ActionPlan plan() {
            return new ActionPlan(
                    actions,
                    new ActionPlan.Totals(migrations, placements, memoryMib / 1024, clock, powerOns, powerOffs));
        }
    }

    /** Per slot, the network bandwidth of its model in KB/s. */
    static double[] networkOf(List<String> slotModels, java.util.function.Function<String, Double> kbpsOfModel) {
        return slotModels.stream().mapToDouble(kbpsOfModel::apply).toArray();
    }
}
