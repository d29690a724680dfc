package org.dcplanner.consolidation.planning.solver.domain;

import java.util.ArrayList;
import java.util.List;

/**
 * DRS-style placement rules of a problem: affinity groups (VMs that must share a host) and VM-to-host-group rules.
 *
 * @param affinityGroup per VM: affinity group id (all VMs of one group on one host), or -1; null = none
 * @param hostRules     VM-to-host-group rules, hard (MUST_*) or soft (SHOULD_*)
 */
public record PlacementRules(int[] affinityGroup, List<HostRule> hostRules) {
    public static final PlacementRules NONE = new PlacementRules(null, List.of());

    public PlacementRules {
        hostRules = hostRules == null ? List.of() : List.copyOf(hostRules);
    }

    /** What a host rule asks: run on (or not on) the host group, as a requirement (MUST) or a preference (SHOULD). */
    public enum Kind {
        MUST_RUN_ON(true, true),
        MUST_NOT_RUN_ON(true, false),
        SHOULD_RUN_ON(false, true),
        SHOULD_NOT_RUN_ON(false, false);

        private final boolean hard;
        private final boolean runOn;

        Kind(boolean hard, boolean runOn) {
            this.hard = hard;
            this.runOn = runOn;
        }

        public boolean hard() {
            return hard;
        }

        public boolean runOn() {
            return runOn;
        }
    }

    /**
     * One VM-to-host-group rule: the VMs {@code vms} must / should (not) run on the slots marked in {@code hostGroup}.
     *
     * @param name      the rule's name, for the plan's rule list and explanations
     * @param vms       VM indexes the rule binds
     * @param hostGroup per slot: whether it belongs to the rule's host group
     */
    public record HostRule(String name, Kind kind, int[] vms, boolean[] hostGroup) {
        /** Whether a VM of this rule on {@code slot} breaks it. */
        public boolean brokenOn(int slot) {
            return hostGroup[slot] != kind.runOn();
        }
    }

    public boolean hasAffinity() {
        if (affinityGroup == null) return false;
        for (int g : affinityGroup) if (g >= 0) return true;
        return false;
    }

    public boolean isEmpty() {
        return !hasAffinity() && hostRules.isEmpty();
    }

    public int affinityGroup(int vm) {
        return affinityGroup == null ? -1 : affinityGroup[vm];
    }

    /** These rules on a slice of the pool: slot i of the slice is slot {@code globalSlots[i]} of the whole pool. */
    public PlacementRules onSlots(int[] globalSlots) {
        List<HostRule> sliced = new ArrayList<>(hostRules.size());
        for (HostRule rule : hostRules) {
            boolean[] group = new boolean[globalSlots.length];
            for (int i = 0; i < globalSlots.length; i++) group[i] = rule.hostGroup()[globalSlots[i]];
            sliced.add(new HostRule(rule.name(), rule.kind(), rule.vms(), group));
        }
        return new PlacementRules(affinityGroup, sliced);
    }

    /** Per VM, the indexes of the host rules that bind it. */
    public int[][] rulesByVm(int vmCount) {
        List<List<Integer>> byVm = new ArrayList<>(vmCount);
        for (int v = 0; v < vmCount; v++) byVm.add(new ArrayList<>(0));
        for (int i = 0; i < hostRules.size(); i++) {
            for (int v : hostRules.get(i).vms()) byVm.get(v).add(i);
        }
        int[][] out = new int[vmCount][];
        for (int v = 0; v < vmCount; v++)
            out[v] = byVm.get(v).stream().mapToInt(Integer::intValue).toArray();
        return out;
    }
}
