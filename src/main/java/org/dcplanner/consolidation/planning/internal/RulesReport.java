package org.dcplanner.consolidation.planning.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.dcplanner.consolidation.planning.solver.domain.PlacementRules.HostRule;
import org.dcplanner.consolidation.planning.solver.domain.PlanningProblem;

/**
 * A plan's rules as placed: each affinity group with the hosts it spans, each host rule with the VMs that break it
 * (MUST rules broken only in an infeasible plan; SHOULD rules where fewest hosts won over the preference).
 *
 * @param brokenSoftRules names of the SHOULD rules some VM breaks
 */
public record RulesReport(
        List<AffinityGroupPlaced> affinityGroups, List<HostRulePlaced> hostRules, List<String> brokenSoftRules) {
    /** Most VM names listed per rule. */
    static final int MAX_NAMES = 100;

    /** @param hosts distinct slots the group's VMs run on (1 when kept) */
    public record AffinityGroupPlaced(String name, int vms, int hosts) {}

    /**
     * @param hard           MUST rule (false: SHOULD)
     * @param hostGroupHosts hosts in the rule's host group
     * @param brokenBy       VMs that break the rule (at most {@value #MAX_NAMES} names)
     * @param brokenCount    VMs that break the rule
     */
    public record HostRulePlaced(
            String name,
            String kind,
            boolean hard,
            int vms,
            int hostGroupHosts,
            List<String> brokenBy,
            int brokenCount) {}

    /** @param affinityNames the affinity groups' names by id */
    static RulesReport of(PlanningProblem p, List<String> affinityNames, int[] vmSlot) {
        List<AffinityGroupPlaced> groups = new ArrayList<>();
        for (int g = 0; g < affinityNames.size(); g++) {
            int members = 0;
            java.util.Set<Integer> hosts = new java.util.HashSet<>();
            for (int v = 0; v < vmSlot.length; v++) {
                if (p.rules().affinityGroup(v) == g) {
                    members++;
                    if (vmSlot[v] >= 0) hosts.add(vmSlot[v]);
                }
            }
            groups.add(new AffinityGroupPlaced(affinityNames.get(g), members, hosts.size()));
        }
        List<HostRulePlaced> rules = new ArrayList<>();
        List<String> brokenSoft = new ArrayList<>();
        for (HostRule rule : p.rules().hostRules()) {
            List<String> broken = new ArrayList<>();
            int count = 0;
            for (int v : rule.vms()) {
                if (vmSlot[v] >= 0 && rule.brokenOn(vmSlot[v])) {
                    count++;
                    if (broken.size() < MAX_NAMES) broken.add(p.vmNames().get(v));
                }
            }
            int groupHosts = 0;
            for (boolean in : rule.hostGroup()) if (in) groupHosts++;
            rules.add(new HostRulePlaced(
                    rule.name(), rule.kind().name(), rule.kind().hard(), rule.vms().length, groupHosts, broken, count));
            if (!rule.kind().hard() && count > 0) brokenSoft.add(rule.name());
        }
        return new RulesReport(groups, rules, brokenSoft);
    }

    /** The rules that bind VM v, in words, for its explanation. */
    static List<String> bindingRules(PlanningProblem p, List<String> affinityNames, int v, int slot) {
        List<String> out = new ArrayList<>();
        int g = p.rules().affinityGroup(v);
        if (g >= 0 && g < affinityNames.size()) {
            long others =
                    Arrays.stream(p.rules().affinityGroup()).filter(x -> x == g).count() - 1;
            out.add("affinity group '" + affinityNames.get(g) + "': it runs on one host with its " + others
                    + " other member" + (others == 1 ? "" : "s"));
        }
        for (HostRule rule : p.rules().hostRules()) {
            if (Arrays.stream(rule.vms()).noneMatch(x -> x == v)) continue;
            boolean broken = slot >= 0 && rule.brokenOn(slot);
            out.add("host rule '" + rule.name() + "' ("
                    + rule.kind().name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ') + " its host group)"
                    + (broken ? ": broken here (fewer hosts won over this preference)" : ": kept"));
        }
        return out;
    }
}
