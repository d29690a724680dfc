package org.dcplanner.consolidation.planning.internal;

import java.util.List;
import org.dcplanner.consolidation.planning.solver.AffinityMerge;
import org.dcplanner.consolidation.planning.solver.domain.DemandModel;
import org.dcplanner.consolidation.planning.solver.domain.PlacementRules.HostRule;
import org.dcplanner.consolidation.planning.solver.domain.PlanningProblem;

/**
 * Rule sets no placement can satisfy, refused (422) before solving: an affinity group whose members pin different
 * slots or share an anti-affinity group, a VM (or affinity group) that its MUST rules, pin and approach leave no host
 * for, an affinity group larger than every host it may use, and a MUST RUN ON rule whose VMs need more than its host
 * group holds at some step (per row: the summed demand against the summed capacity, a necessary condition), and an
 * anti-affinity group with fewer hosts left by its MUST rules than it has VMs.
 */
final class RuleFeasibility {
    private RuleFeasibility() {}

    /** @param affinityNames the affinity groups' names by id */
    static void check(PlanningProblem p, List<String> affinityNames) {
        if (p.rules().isEmpty()) return;
        List<String> names = p.vmNames();
        for (int g = 0; g < affinityNames.size(); g++) checkMembers(p, g, affinityNames.get(g));
        AffinityMerge merge = AffinityMerge.of(p);
        PlanningProblem units = merge == null ? p : merge.units();
        for (int u = 0; u < units.vmCount(); u++) {
            boolean allowed = false;
            boolean fits = false;
            for (int s = 0; s < units.slots().size(); s++) {
                if (!DemandModel.allowed(units, u, s)) continue;
                allowed = true;
                if (fitsAlone(units, u, s)) {
                    fits = true;
                    break;
                }
            }
            String what = units.vmNames().get(u);
            if (!allowed) {
                throw PlanProblemFactory.unprocessable(
                        "rule-infeasible",
                        "no host of the pool is allowed for VM '" + what
                                + "' by its MUST host rules, pin and virtualization approach",
                        "rules.hostRules");
            }
            if (!fits && merge != null && merge.members(u).length > 1) {
                throw PlanProblemFactory.unprocessable(
                        "rule-infeasible",
                        "the affinity group of VM '" + names.get(merge.members(u)[0]) + "' ("
                                + merge.members(u).length
                                + " VMs) needs more than any host it may run on holds at some step",
                        "rules.affinityGroups");
            }
        }
        checkAntiAffinityRoom(p);
        for (int i = 0; i < p.rules().hostRules().size(); i++) {
            HostRule rule = p.rules().hostRules().get(i);
            if (rule.kind() == org.dcplanner.consolidation.planning.solver.domain.PlacementRules.Kind.MUST_RUN_ON)
                checkGroupCapacity(p, rule, i);
        }
    }

    private static void checkMembers(PlanningProblem p, int group, String name) {
        int pin = -1;
        int anti = -1;
        for (int v = 0; v < p.vmCount(); v++) {
            if (p.rules().affinityGroup(v) != group) continue;
            int vPin = p.pinnedSlot() == null ? -1 : p.pinnedSlot()[v];
            int vAnti = p.antiAffinityGroup() == null ? -1 : p.antiAffinityGroup()[v];
            if (vPin >= 0 && pin >= 0 && vPin != pin) {
                throw PlanProblemFactory.unprocessable(
                        "rule-conflict",
                        "affinity group '" + name + "' has VMs pinned to different slots (" + pin + ", " + vPin + ")",
                        "rules.affinityGroups");
            }
            if (vAnti >= 0 && anti >= 0) {
                throw PlanProblemFactory.unprocessable(
                        "rule-conflict",
                        "affinity group '" + name + "' holds two VMs of anti-affinity groups (they could not share a "
                                + "host, or the planner would have to keep two anti-affinity groups apart at once)",
                        "rules.affinityGroups");
            }
            if (vPin >= 0) pin = vPin;
            if (vAnti >= 0) anti = vAnti;
        }
    }

    /** An anti-affinity group needs as many distinct hosts as it has VMs among the hosts its MUST rules leave it. */
    private static void checkAntiAffinityRoom(PlanningProblem p) {
        if (p.antiAffinityGroup() == null || p.rules().hostRules().isEmpty()) return;
        java.util.Map<Integer, List<Integer>> groups = new java.util.HashMap<>();
        for (int v = 0; v < p.vmCount(); v++) {
            if (p.antiAffinityGroup()[v] >= 0)
                groups.computeIfAbsent(p.antiAffinityGroup()[v], k -> new java.util.ArrayList<>())
                        .add(v);
        }
        for (List<Integer> members : groups.values()) {
            int room = 0;
            for (int s = 0; s < p.slots().size(); s++) {
                final int slot = s;
                if (members.stream().anyMatch(v -> DemandModel.allowed(p, v, slot))) room++;
            }
            if (room < members.size()) {
                throw PlanProblemFactory.unprocessable(
                        "rule-infeasible",
                        "the anti-affinity group of VM '" + p.vmNames().get(members.get(0)) + "' has " + members.size()
                                + " VMs, but its MUST host rules leave it " + room + " hosts",
                        "rules.hostRules");
            }
        }
    }

    private static boolean fitsAlone(PlanningProblem p, int vm, int slot) {
        for (int r = 0; r < p.rows(); r++) {
            double cap = p.slots().get(slot).capacity()[r];
            for (float d : p.demand()[r][vm]) if (d > cap * (1 + 1e-9)) return false;
        }
        return true;
    }

    private static void checkGroupCapacity(PlanningProblem p, HostRule rule, int index) {
        for (int r = 0; r < p.rows(); r++) {
            double cap = 0;
            for (int s = 0; s < p.slots().size(); s++)
                if (rule.hostGroup()[s]) cap += p.slots().get(s).capacity()[r];
            for (int t = 0; t < p.steps(); t++) {
                double demand = 0;
                for (int v : rule.vms()) demand += p.demand()[r][v][t];
                if (demand > cap * (1 + 1e-9)) {
                    throw PlanProblemFactory.unprocessable(
                                    "rule-infeasible",
                                    "host rule '" + rule.name() + "': its " + rule.vms().length + " VMs need "
                                            + Math.round(demand) + " " + p.rowUnit(r) + " of " + p.rowName(r)
                                            + " at step " + t + ", more than its host group holds ("
                                            + Math.round(cap) + ")",
                                    "rules.hostRules[" + index + "]")
                            .with("step", t)
                            .with("resource", p.rowName(r));
                }
            }
        }
    }
}
