package org.dcplanner.consolidation.planning.solver;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.dcplanner.consolidation.planning.solver.domain.DemandModel;
import org.dcplanner.consolidation.planning.solver.domain.PlanningProblem;
import org.dcplanner.consolidation.virtualization.VirtualizationApproach;

/**
 * Whole-VM HA admission check with its failover map: for each failure scenario, every VM of the failed hosts gets a
 * surviving active host to restart on, within capacity at every step and every row (resources and limits), never
 * next to a member of its anti-affinity group, and only on a host with hardware assist under HARDWARE_ASSISTED.
 * Scenarios: with haReserveHosts = 1 every single active host (exhaustive); with k >= 2 the k busiest active hosts
 * together (by summed peak share over the rows; a stated heuristic worst case, not exhaustive) plus every single host.
 * Restart order: the failed hosts' VMs by decreasing peak share, each onto the survivor that keeps the most headroom
 * (best fit would fragment). Pins bind the first placement only; a restarted VM may run anywhere legal (MUST host
 * rules still bind it; SHOULD rules do not). An affinity group restarts as one, on one host.
 * Cost per scenario O(VMs on the failed hosts x survivors x rows x steps).
 */
public final class FailoverMap {
    /**
     * @param failedSlots the hosts that fail together
     * @param restarts    per VM of the failed hosts: {vm, slot it restarts on, or -1 when none is legal}
     */
    public record Scenario(List<Integer> failedSlots, List<Restart> restarts) {
        public boolean complete() {
            return restarts.stream().allMatch(r -> r.toSlot() >= 0);
        }
    }

    public record Restart(String vm, int fromSlot, int toSlot) {}

    /** @param method how scenarios were chosen, in words */
    public record Result(int haReserveHosts, String method, List<Scenario> scenarios, int vmsWithoutRestart) {}

    private FailoverMap() {}

    /** Affinity groups restart together, as the one item the solver placed ({@link AffinityMerge}). */
    public static Result of(PlanningProblem p, int[] vmSlot) {
        AffinityMerge merge = AffinityMerge.of(p);
        if (merge == null) return ofItems(p, vmSlot);
        Result units = ofItems(merge.units(), merge.toUnits(vmSlot));
        Map<String, Integer> unitByName = new HashMap<>();
        for (int u = 0; u < merge.units().vmCount(); u++)
            unitByName.putIfAbsent(merge.units().vmNames().get(u), u);
        List<Scenario> scenarios = new ArrayList<>();
        int without = 0;
        for (Scenario sc : units.scenarios()) {
            List<Restart> restarts = new ArrayList<>();
            for (Restart r : sc.restarts()) {
                for (int v : merge.members(unitByName.get(r.vm()))) {
                    restarts.add(new Restart(p.vmNames().get(v), r.fromSlot(), r.toSlot()));
                    if (r.toSlot() < 0) without++;
                }
            }
            scenarios.add(new Scenario(sc.failedSlots(), restarts));
        }
        return new Result(units.haReserveHosts(), units.method(), scenarios, without);
    }

    private static Result ofItems(PlanningProblem p, int[] vmSlot) {
        int k = p.haReserveHosts();
        if (k <= 0) return new Result(0, "no HA reserve", List.of(), 0);
        int rows = p.rows();
        int steps = p.steps();
        double[][][] load = new double[p.slots().size()][][];
        for (int v = 0; v < vmSlot.length; v++) {
            int s = vmSlot[v];
            if (s < 0) continue;
            if (load[s] == null) load[s] = new double[rows][steps];
            for (int r = 0; r < rows; r++) {
                float[] d = p.demand()[r][v];
                for (int t = 0; t < steps; t++) load[s][r][t] += d[t];
            }
        }
        int[] active = java.util.stream.IntStream.range(0, load.length)
                .filter(s -> load[s] != null)
                .toArray();
        List<int[]> failures = new ArrayList<>();
        for (int s : active) failures.add(new int[] {s});
        String method = "every single active host";
        if (k >= 2) {
            double[] busy = new double[load.length];
            for (int s : active) busy[s] = peakShare(p, load[s], s);
            int[] busiest = Arrays.stream(active)
                    .boxed()
                    .sorted(Comparator.comparingDouble((Integer s) -> -busy[s]))
                    .limit(k)
                    .mapToInt(Integer::intValue)
                    .toArray();
            failures.add(busiest);
            method = "every single active host, and the " + k
                    + " busiest together (heuristic worst case, not exhaustive)";
        }
        List<Scenario> scenarios = new ArrayList<>();
        int without = 0;
        for (int[] failed : failures) {
            Scenario sc = scenario(p, vmSlot, load, active, failed);
            scenarios.add(sc);
            without += (int) sc.restarts().stream().filter(r -> r.toSlot() < 0).count();
        }
        return new Result(k, method, scenarios, without);
    }

    private static Scenario scenario(PlanningProblem p, int[] vmSlot, double[][][] load, int[] active, int[] failed) {
        int rows = p.rows();
        int steps = p.steps();
        List<Integer> failedList = Arrays.stream(failed).boxed().toList();
        int[] survivors =
                Arrays.stream(active).filter(s -> !failedList.contains(s)).toArray();
        double[][][] extra = new double[p.slots().size()][][];
        List<Integer> victims = new ArrayList<>();
        for (int v = 0; v < vmSlot.length; v++) if (failedList.contains(vmSlot[v])) victims.add(v);
        victims.sort(Comparator.comparingDouble((Integer v) -> -vmPeakShare(p, v, vmSlot[v])));
        int[] placedOn = new int[vmSlot.length];
        Arrays.fill(placedOn, -2);
        List<Restart> restarts = new ArrayList<>();
        for (int v : victims) {
            int best = -1;
            double bestHeadroom = -1;
            for (int s : survivors) {
                if (!allowed(p, vmSlot, placedOn, v, s)) continue;
                double headroom = Double.POSITIVE_INFINITY;
                boolean fits = true;
                for (int r = 0; r < rows && fits; r++) {
                    double cap = p.slots().get(s).capacity()[r];
                    float[] d = p.demand()[r][v];
                    for (int t = 0; t < steps; t++) {
                        double left = cap - load[s][r][t] - (extra[s] == null ? 0 : extra[s][r][t]) - d[t];
                        if (left < -1e-6 * Math.max(1, cap)) {
                            fits = false;
                            break;
                        }
                        headroom = Math.min(headroom, left / Math.max(1e-9, cap));
                    }
                }
                if (fits && headroom > bestHeadroom) {
                    bestHeadroom = headroom;
                    best = s;
                }
            }
            if (best >= 0) {
                if (extra[best] == null) extra[best] = new double[rows][steps];
                for (int r = 0; r < rows; r++) {
                    float[] d = p.demand()[r][v];
                    for (int t = 0; t < steps; t++) extra[best][r][t] += d[t];
                }
                placedOn[v] = best;
            }
            restarts.add(new Restart(p.vmNames().get(v), vmSlot[v], best));
        }
        return new Scenario(failedList, restarts);
    }

    /** Anti-affinity (members already on s, or restarted onto s in this scenario), hardware assist, MUST host rules. */
    private static boolean allowed(PlanningProblem p, int[] vmSlot, int[] placedOn, int v, int s) {
        if (p.approach() == VirtualizationApproach.HARDWARE_ASSISTED
                && !p.slots().get(s).hardwareAssist()) return false;
        if (!DemandModel.hostRulesAllow(p, v, s)) return false;
        int group = p.antiAffinityGroup() == null ? -1 : p.antiAffinityGroup()[v];
        if (group < 0) return true;
        for (int u = 0; u < vmSlot.length; u++) {
            if (u != v && p.antiAffinityGroup()[u] == group && (vmSlot[u] == s || placedOn[u] == s)) return false;
        }
        return true;
    }

    private static double peakShare(PlanningProblem p, double[][] load, int s) {
        double sum = 0;
        for (int r = 0; r < p.rows(); r++) {
            double peak = 0;
            for (double x : load[r]) peak = Math.max(peak, x);
            sum += peak / Math.max(1e-9, p.slots().get(s).capacity()[r]);
        }
        return sum;
    }

    private static double vmPeakShare(PlanningProblem p, int v, int s) {
        double sum = 0;
        for (int r = 0; r < p.rows(); r++) {
            double peak = 0;
            for (float x : p.demand()[r][v]) peak = Math.max(peak, x);
            sum += peak / Math.max(1e-9, p.slots().get(s).capacity()[r]);
        }
        return sum;
    }
}
