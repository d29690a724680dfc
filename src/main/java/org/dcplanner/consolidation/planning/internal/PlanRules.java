package org.dcplanner.consolidation.planning.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.dcplanner.consolidation.ingestion.WorkloadVm;
import org.dcplanner.consolidation.planning.PlanRequest;
import org.dcplanner.consolidation.planning.PlanRequest.HostGroup;
import org.dcplanner.consolidation.planning.PlanRequest.HostRuleSpec;
import org.dcplanner.consolidation.planning.PlanRequest.VmGroup;
import org.dcplanner.consolidation.planning.solver.domain.PlacementRules;
import org.dcplanner.consolidation.planning.solver.domain.PlacementRules.HostRule;
import org.dcplanner.consolidation.problem.ApiException;

/**
 * The request's rules resolved against the workload and the pool: VM names to indexes, host groups to slots, rule
 * names to groups. Unknown VMs, groups, pool entries or slots answer 422 naming them (field and list).
 * A host rule's {@code vmGroup} may name a VM group, an affinity group or an inventory anti-affinity group; the
 * inventory's affinity groups join the request's.
 */
final class PlanRules {
    private PlanRules() {}

    /**
     * The affinity groups' names by id: the request's (in order), then the inventory's not named there (first use). A
     * request group and an inventory group of one name are one group.
     */
    static List<String> affinityNames(PlanRequest request, List<WorkloadVm> vms) {
        Set<String> names = new LinkedHashSet<>();
        if (request.rules() != null) for (VmGroup g : request.rules().affinityGroupsOrEmpty()) names.add(g.name());
        for (WorkloadVm vm : vms) {
            if (vm.affinityGroup() != null && !vm.affinityGroup().isBlank()) names.add(vm.affinityGroup());
        }
        return List.copyOf(names);
    }

    static PlacementRules of(PlanRequest request, List<WorkloadVm> vms, int slotCount) {
        List<String> affinityNames = affinityNames(request, vms);
        PlanRequest.Rules rules =
                request.rules() != null ? request.rules() : new PlanRequest.Rules(null, null, null, null);
        if (request.rules() == null && affinityNames.isEmpty()) return PlacementRules.NONE;
        Map<String, Integer> vmIndex = new HashMap<>();
        for (int i = 0; i < vms.size(); i++) vmIndex.putIfAbsent(vms.get(i).name(), i);
        Map<String, int[]> vmGroups = new HashMap<>();
        int[] affinity = new int[vms.size()];
        Arrays.fill(affinity, -1);
        List<VmGroup> affinityGroups = rules.affinityGroupsOrEmpty();
        for (int g = 0; g < affinityGroups.size(); g++) {
            String field = "rules.affinityGroups[" + g + "]";
            int[] members = resolve(affinityGroups.get(g), vmIndex, field);
            for (int v : members) {
                if (affinity[v] >= 0) {
                    throw unprocessable(
                            "rule-conflict",
                            "VM '" + vms.get(v).name() + "' is in two affinity groups, '"
                                    + affinityGroups.get(affinity[v]).name() + "' and '"
                                    + affinityGroups.get(g).name() + "'; merge them into one",
                            field + ".vms");
                }
                affinity[v] = g;
            }
            putUnique(vmGroups, affinityGroups.get(g).name(), members, field + ".name");
        }
        for (int v = 0; v < vms.size(); v++) {
            String name = vms.get(v).affinityGroup();
            if (name == null || name.isBlank()) continue;
            int id = affinityNames.indexOf(name);
            if (affinity[v] >= 0 && affinity[v] != id) {
                throw unprocessable(
                        "rule-conflict",
                        "VM '" + vms.get(v).name() + "' is in affinity group '" + name + "' by the inventory and in '"
                                + affinityNames.get(affinity[v]) + "' by the request; merge them into one",
                        "rules.affinityGroups");
            }
            affinity[v] = id;
        }
        for (int id = 0; id < affinityNames.size(); id++) {
            final int group = id;
            vmGroups.put(
                    affinityNames.get(id),
                    java.util.stream.IntStream.range(0, vms.size())
                            .filter(v -> affinity[v] == group)
                            .toArray());
        }
        List<VmGroup> named = rules.vmGroupsOrEmpty();
        for (int g = 0; g < named.size(); g++) {
            String field = "rules.vmGroups[" + g + "]";
            putUnique(vmGroups, named.get(g).name(), resolve(named.get(g), vmIndex, field), field + ".name");
        }
        Map<String, List<Integer>> antiAffinity = new HashMap<>();
        for (int v = 0; v < vms.size(); v++) {
            String g = vms.get(v).antiAffinityGroup();
            if (g != null && !g.isBlank())
                antiAffinity.computeIfAbsent(g, k -> new ArrayList<>()).add(v);
        }
        antiAffinity.forEach((name, members) -> vmGroups.putIfAbsent(
                name, members.stream().mapToInt(Integer::intValue).toArray()));
        Map<String, boolean[]> hostGroups = hostGroups(request, slotCount);
        List<HostRule> hostRules = new ArrayList<>();
        List<HostRuleSpec> specs = rules.hostRulesOrEmpty();
        Set<String> ruleNames = new LinkedHashSet<>();
        for (int i = 0; i < specs.size(); i++) {
            HostRuleSpec spec = specs.get(i);
            String field = "rules.hostRules[" + i + "]";
            if (!ruleNames.add(spec.name()))
                throw unprocessable("rule-conflict", "two host rules are named '" + spec.name() + "'", field + ".name");
            int[] members = vmGroups.get(spec.vmGroup());
            if (members == null) {
                throw unprocessable(
                                "unknown-rule-name",
                                field + ".vmGroup '" + spec.vmGroup()
                                        + "' is neither a VM group, an affinity group nor an anti-affinity group",
                                field + ".vmGroup")
                        .with("unknownNames", List.of(spec.vmGroup()));
            }
            boolean[] hosts = hostGroups.get(spec.hostGroup());
            if (hosts == null) {
                throw unprocessable(
                                "unknown-rule-name",
                                field + ".hostGroup '" + spec.hostGroup() + "' is not a host group of rules.hostGroups",
                                field + ".hostGroup")
                        .with("unknownNames", List.of(spec.hostGroup()));
            }
            hostRules.add(new HostRule(
                    spec.name(), PlacementRules.Kind.valueOf(spec.kind().name()), members, hosts));
        }
        return new PlacementRules(affinity, hostRules);
    }

    private static Map<String, boolean[]> hostGroups(PlanRequest request, int slotCount) {
        if (request.rules() == null) return Map.of();
        int[] entryStart = new int[request.hostPool().size() + 1];
        for (int i = 0; i < request.hostPool().size(); i++)
            entryStart[i + 1] = entryStart[i] + request.hostPool().get(i).count();
        Map<String, boolean[]> out = new HashMap<>();
        List<HostGroup> groups = request.rules().hostGroupsOrEmpty();
        for (int g = 0; g < groups.size(); g++) {
            HostGroup group = groups.get(g);
            String field = "rules.hostGroups[" + g + "]";
            boolean[] member = new boolean[slotCount];
            for (int entry : group.poolEntries() == null ? List.<Integer>of() : group.poolEntries()) {
                if (entry >= request.hostPool().size()) {
                    throw unprocessable(
                            "unknown-rule-name",
                            field + ".poolEntries names entry " + entry + ", but hostPool has entries 0.."
                                    + (request.hostPool().size() - 1),
                            field + ".poolEntries");
                }
                Arrays.fill(member, entryStart[entry], entryStart[entry + 1], true);
            }
            for (int slot : group.slots() == null ? List.<Integer>of() : group.slots()) {
                if (slot >= slotCount) {
                    throw unprocessable(
                            "unknown-rule-name",
                            field + ".slots names slot " + slot + ", but the pool has slots 0.." + (slotCount - 1),
                            field + ".slots");
                }
                member[slot] = true;
            }
            if (out.put(group.name(), member) != null)
                throw unprocessable(
                        "rule-conflict", "two host groups are named '" + group.name() + "'", field + ".name");
        }
        return out;
    }

    private static int[] resolve(VmGroup group, Map<String, Integer> vmIndex, String field) {
        List<String> unknown = new ArrayList<>();
        Set<Integer> members = new LinkedHashSet<>();
        for (String name : group.vms()) {
            Integer v = vmIndex.get(name);
            if (v == null) unknown.add(name);
            else members.add(v);
        }
        if (!unknown.isEmpty()) {
            throw unprocessable(
                            "unknown-vm",
                            field + " '" + group.name() + "' names " + unknown.size()
                                    + " VMs that are not in the workload, e.g. "
                                    + String.join(", ", unknown.subList(0, Math.min(5, unknown.size()))),
                            field + ".vms")
                    .with("unknownNames", unknown.subList(0, Math.min(100, unknown.size())));
        }
        return members.stream().mapToInt(Integer::intValue).toArray();
    }

    private static void putUnique(Map<String, int[]> groups, String name, int[] members, String field) {
        if (groups.put(name, members) != null)
            throw unprocessable("rule-conflict", "two VM or affinity groups are named '" + name + "'", field);
    }

    private static ApiException unprocessable(String type, String detail, String field) {
        return PlanProblemFactory.unprocessable(type, detail, field);
    }
}
