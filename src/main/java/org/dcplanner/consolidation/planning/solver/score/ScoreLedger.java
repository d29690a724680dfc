package org.dcplanner.consolidation.planning.solver.score;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.dcplanner.consolidation.planning.solver.domain.DemandModel;
import org.optaplanner.core.api.score.buildin.hardmediumsoftlong.HardMediumSoftLongScore;

/**
 * All score terms of a placement, updated per VM add/remove in O(resources x steps).
 * Hard: capacity overflow (units), anti-affinity pairs, pins, paravirt, hardware assist (each weighted as one
 * host-step; an affinity group per host it spans beyond one; a MUST host rule per VM), HA shortfall (units).
 * Medium: active hosts / cost / power. Soft: broken SHOULD host rules (each weighing more than any balance
 * difference), then balance (sum of squared peak fills).
 */
public final class ScoreLedger {
    public static final String CAPACITY = "Host capacity exceeded";
    static final String ANTI_AFFINITY = "Anti-affinity group shares a host";
    static final String PINNED = "Pinned VM off its slot";
    static final String PARAVIRT = "Paravirtualized guest not capable";
    static final String HARDWARE_ASSIST = "Hardware assist unsupported by host";
    public static final String HA_RESERVE = "HA reserve not met";
    static final String AFFINITY = "Affinity group split over hosts";
    static final String HOST_RULE = "MUST host rule broken";
    public static final String SOFT_HOST_RULE = "SHOULD host rule broken";
    public static final String ACTIVE_HOSTS = "Active host cost";
    static final String BALANCE = "Balance (sum of squared peak fills)";

    private final DemandModel model;
    private final HostLoads loads;
    private final long[][] totalLoad;
    private final Map<Long, Integer> groupCount = new HashMap<>();
    /** Per (slot, affinity group) its VMs there, and per affinity group the slots it spans. */
    private final Map<Long, Integer> affinityCount = new HashMap<>();

    private final Map<Integer, Integer> affinitySpan = new HashMap<>();
    private final long softRuleWeight;
    private final long[] activeCost;
    private final long[] balance;
    /** Per slot, its highest load over the steps per resource (empty slots: zeros), kept with the balance term. */
    private final long[][] peaks;

    private long overflow;
    private long antiAffinityPairs;
    private long pinnedViolations;
    private long paravirtViolations;
    private long hardwareAssistViolations;
    /** Hosts beyond the first that affinity groups span, summed over the groups. */
    private long affinityExtraHosts;

    private long hardRuleViolations;
    private long softRuleViolations;
    private long medium;
    private long soft;

    public ScoreLedger(DemandModel model) {
        this.model = model;
        this.loads = new HostLoads(model);
        this.totalLoad = new long[model.resources()][model.steps()];
        this.activeCost = new long[model.slots()];
        this.balance = new long[model.slots()];
        this.peaks = new long[model.slots()][model.resources()];
        this.softRuleWeight = model.softRuleWeight();
    }

    public void add(int vm, int slot) {
        overflow += loads.add(vm, slot);
        change(vm, slot, 1);
    }

    public void remove(int vm, int slot) {
        overflow += loads.remove(vm, slot);
        change(vm, slot, -1);
    }

    private void change(int vm, int slot, int sign) {
        int steps = model.steps();
        for (int r = 0; r < totalLoad.length; r++) {
            int[] d = model.demand(r);
            long[] total = totalLoad[r];
            for (int t = 0; t < steps; t++) {
                total[t] += sign * (long) d[vm * steps + t];
            }
        }
        int group = model.antiAffinityGroup(vm);
        if (group >= 0) {
            long key = ((long) slot << 32) | group;
            int before = groupCount.getOrDefault(key, 0);
            antiAffinityPairs += sign > 0 ? before : -(before - 1);
            groupCount.merge(key, sign, Integer::sum);
        }
        int pin = model.pinnedSlot(vm);
        if (pin >= 0 && pin != slot) {
            pinnedViolations += sign;
        }
        if (model.paravirtViolation(vm)) {
            paravirtViolations += sign;
        }
        if (model.hardwareAssistViolation(slot)) {
            hardwareAssistViolations += sign;
        }
        int affinity = model.affinityGroup(vm);
        if (affinity >= 0) {
            changeAffinity(slot, affinity, sign);
        }
        hardRuleViolations += sign * model.hardRulesBroken(vm, slot);
        softRuleViolations += sign * model.softRulesBroken(vm, slot);
        refreshSlot(slot);
    }

    private void changeAffinity(int slot, int group, int sign) {
        long key = ((long) slot << 32) | group;
        int before = affinityCount.getOrDefault(key, 0);
        affinityCount.merge(key, sign, Integer::sum);
        int span = affinitySpan.getOrDefault(group, 0);
        if (sign > 0 && before == 0) {
            if (span >= 1) affinityExtraHosts++;
            affinitySpan.put(group, span + 1);
        } else if (sign < 0 && before == 1) {
            if (span >= 2) affinityExtraHosts--;
            affinitySpan.put(group, span - 1);
        }
    }

    private void refreshSlot(int slot) {
        medium -= activeCost[slot];
        soft -= balance[slot];
        if (loads.vmCount(slot) > 0) {
            activeCost[slot] = SlotTerms.activeCost(model, slot, loads.volumes(slot));
            peaks[slot] = loads.peaks(slot);
            balance[slot] = SlotTerms.balancePenalty(model, slot, peaks[slot]);
        } else {
            activeCost[slot] = 0;
            peaks[slot] = new long[model.resources()];
            balance[slot] = 0;
        }
        medium += activeCost[slot];
        soft += balance[slot];
    }

    /** The slot's highest load over the steps, per resource, for the current placement (read-only). */
    public long[] peaks(int slot) {
        return peaks[slot];
    }

    /** The slot's balance term (soft level; 0 when empty), for the current placement. */
    public long balanceTerm(int slot) {
        return balance[slot];
    }

    /** Number of VMs of the group already on the slot. */
    public int groupCountOn(int slot, int group) {
        return group < 0 ? 0 : groupCount.getOrDefault(((long) slot << 32) | group, 0);
    }

    public HostLoads loads() {
        return loads;
    }

    long overflow() {
        return overflow;
    }

    /** Hard penalty without the HA term (cheap: no scan over slots). */
    public long localHardPenalty() {
        return overflow
                + SlotTerms.DISCRETE_VIOLATION_WEIGHT
                        * (antiAffinityPairs
                                + pinnedViolations
                                + paravirtViolations
                                + hardwareAssistViolations
                                + affinityExtraHosts
                                + hardRuleViolations);
    }

    public long haShortfall() {
        return SlotTerms.haShortfall(model, totalLoad, activeSlots());
    }

    public int[] activeSlots() {
        int n = 0;
        for (int s = 0; s < model.slots(); s++) {
            if (loads.vmCount(s) > 0) {
                n++;
            }
        }
        int[] active = new int[n];
        for (int s = 0, i = 0; s < model.slots(); s++) {
            if (loads.vmCount(s) > 0) {
                active[i++] = s;
            }
        }
        return active;
    }

    public int activeHosts() {
        return activeSlots().length;
    }

    public long hardPenalty() {
        return localHardPenalty() + haShortfall();
    }

    public HardMediumSoftLongScore score() {
        return HardMediumSoftLongScore.of(-hardPenalty(), -medium, -soft - softRuleWeight * softRuleViolations);
    }

    /** Names of the hard constraints currently violated. */
    public List<String> brokenConstraints() {
        List<String> broken = new ArrayList<>();
        if (overflow > 0) {
            broken.add(CAPACITY);
        }
        if (antiAffinityPairs > 0) {
            broken.add(ANTI_AFFINITY);
        }
        if (pinnedViolations > 0) {
            broken.add(PINNED);
        }
        if (paravirtViolations > 0) {
            broken.add(PARAVIRT);
        }
        if (hardwareAssistViolations > 0) {
            broken.add(HARDWARE_ASSIST);
        }
        if (affinityExtraHosts > 0) {
            broken.add(AFFINITY);
        }
        if (hardRuleViolations > 0) {
            broken.add(HOST_RULE);
        }
        if (haShortfall() > 0) {
            broken.add(HA_RESERVE);
        }
        return broken;
    }
}
