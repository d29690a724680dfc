package org.dcplanner.consolidation.planning.solver;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.dcplanner.consolidation.planning.solver.domain.PlacementRules;
import org.dcplanner.consolidation.planning.solver.domain.PlacementRules.HostRule;
import org.dcplanner.consolidation.planning.solver.domain.PlanningProblem;

/**
 * Affinity groups as single placement units: the VMs that must share a host are one item whose demand is their summed
 * series (rows and limits alike), with the members' pin, anti-affinity group, guest capability and host rules, so
 * every phase, bound and baseline keeps a group together without knowing of it. Placements map back member by member.
 * A group whose members pin different slots or name different anti-affinity groups is refused before solving
 * (ProblemChecks); the planner's request checks name it first.
 */
public final class AffinityMerge {
    private final PlanningProblem units;
    /** Per VM of the original problem, its unit. */
    private final int[] unitOf;
    /** Per unit, the original VMs in it. */
    private final List<int[]> members;

    private AffinityMerge(PlanningProblem units, int[] unitOf, List<int[]> members) {
        this.units = units;
        this.unitOf = unitOf;
        this.members = members;
    }

    /** The merge of the problem's affinity groups, or null when it has none. */
    public static AffinityMerge of(PlanningProblem p) {
        if (!p.rules().hasAffinity()) return null;
        int vms = p.vmCount();
        int[] unitOf = new int[vms];
        List<List<Integer>> unitMembers = new ArrayList<>();
        Map<Integer, Integer> unitOfGroup = new HashMap<>();
        for (int v = 0; v < vms; v++) {
            int g = p.rules().affinityGroup(v);
            if (g < 0) {
                unitOf[v] = unitMembers.size();
                unitMembers.add(new ArrayList<>(List.of(v)));
            } else {
                Integer u = unitOfGroup.get(g);
                if (u == null) {
                    u = unitMembers.size();
                    unitOfGroup.put(g, u);
                    unitMembers.add(new ArrayList<>());
                }
                unitMembers.get(u).add(v);
                unitOf[v] = u;
            }
        }
        List<int[]> members = unitMembers.stream()
                .map(l -> l.stream().mapToInt(Integer::intValue).toArray())
                .toList();
        return new AffinityMerge(unitsProblem(p, unitOf, members), unitOf, members);
    }

    private static PlanningProblem unitsProblem(PlanningProblem p, int[] unitOf, List<int[]> members) {
        int n = members.size();
        float[][][] demand = new float[p.rows()][n][p.steps()];
        for (int r = 0; r < p.rows(); r++) {
            for (int v = 0; v < p.vmCount(); v++) {
                float[] into = demand[r][unitOf[v]];
                float[] d = p.demand()[r][v];
                for (int t = 0; t < d.length; t++) into[t] += d[t];
            }
        }
        List<String> names = new ArrayList<>(n);
        int[] pinned = new int[n];
        int[] anti = new int[n];
        boolean[] paravirt = new boolean[n];
        for (int u = 0; u < n; u++) {
            int[] m = members.get(u);
            names.add(
                    m.length == 1
                            ? p.vmNames().get(m[0])
                            : p.vmNames().get(m[0]) + " (+" + (m.length - 1) + " in affinity)");
            pinned[u] = -1;
            anti[u] = -1;
            paravirt[u] = true;
            for (int v : m) {
                int pin = p.pinnedSlot() == null ? -1 : p.pinnedSlot()[v];
                int group = p.antiAffinityGroup() == null ? -1 : p.antiAffinityGroup()[v];
                require(pin < 0 || pinned[u] < 0 || pinned[u] == pin, "an affinity group's pins name one slot");
                require(group < 0 || anti[u] < 0 || anti[u] == group, "an affinity group in one anti-affinity group");
                if (pin >= 0) pinned[u] = pin;
                if (group >= 0) anti[u] = group;
                paravirt[u] &= p.paravirtCapable() == null || p.paravirtCapable()[v];
            }
        }
        List<HostRule> rules = new ArrayList<>();
        for (HostRule rule : p.rules().hostRules()) {
            int[] ruleUnits =
                    Arrays.stream(rule.vms()).map(v -> unitOf[v]).distinct().toArray();
            rules.add(new HostRule(rule.name(), rule.kind(), ruleUnits, rule.hostGroup()));
        }
        return new PlanningProblem(
                p.resources(),
                p.steps(),
                demand,
                names,
                p.slots(),
                pinned,
                anti,
                paravirt,
                p.approach(),
                p.haReserveHosts(),
                p.objective(),
                p.limitRows(),
                new PlacementRules(null, rules));
    }

    private static void require(boolean ok, String what) {
        if (!ok) throw new IllegalArgumentException("invalid planning problem: expected " + what);
    }

    /** The problem with one item per affinity group. */
    public PlanningProblem units() {
        return units;
    }

    /** A placement of the original VMs as one of the units (each unit where its first member is); null stays null. */
    public int[] toUnits(int[] vmSlot) {
        if (vmSlot == null || vmSlot.length != unitOf.length) return null;
        int[] out = new int[members.size()];
        for (int u = 0; u < out.length; u++) out[u] = vmSlot[members.get(u)[0]];
        return out;
    }

    /** A placement of the units as one of the original VMs. */
    public int[] expand(int[] unitSlot) {
        int[] out = new int[unitOf.length];
        for (int v = 0; v < out.length; v++) out[v] = unitSlot[unitOf[v]];
        return out;
    }

    /** The original VMs of a unit. */
    public int[] members(int unit) {
        return members.get(unit);
    }
}
