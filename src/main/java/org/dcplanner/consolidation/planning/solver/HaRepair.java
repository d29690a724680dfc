package org.dcplanner.consolidation.planning.solver;

import java.util.HashMap;
import java.util.Map;
import org.dcplanner.consolidation.planning.solver.FailoverMap.Restart;
import org.dcplanner.consolidation.planning.solver.FailoverMap.Scenario;
import org.dcplanner.consolidation.planning.solver.domain.DemandModel;
import org.dcplanner.consolidation.planning.solver.domain.PlanningProblem;
import org.dcplanner.consolidation.planning.solver.start.Baselines;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Whole-VM HA planned, not only checked: while the {@link FailoverMap} of a placement leaves a VM of some failed host
 * without a legal restart, one more host is switched on and the smallest VM that may move there (not pinned, allowed
 * by its rules, not in the stranded VM's anti-affinity group, not alone on its host) moves onto it, so the new host
 * is a survivor with nearly all its capacity free and no member of the stranded VM's group. Repeats until every
 * single-host failure (and the map's k-host scenario) restarts every VM, or the pool has no host left to switch on.
 * Each round costs one failover check, O(VMs x hosts x rows x steps).
 */
final class HaRepair {
    private static final Logger LOG = LoggerFactory.getLogger(HaRepair.class);

    private HaRepair() {}

    /** The placement with the gaps of its failover map repaired as far as the pool allows (a copy). */
    static int[] repair(DemandModel model, int[] vmSlot) {
        PlanningProblem p = model.problem();
        int[] slots = vmSlot.clone();
        if (p.haReserveHosts() <= 0) return slots;
        Map<String, Integer> index = new HashMap<>();
        for (int v = 0; v < p.vmCount(); v++) index.putIfAbsent(p.vmNames().get(v), v);
        int hostsBefore = Baselines.hostsUsed(slots);
        int round = 0;
        for (; round < model.slots(); round++) {
            int stranded = firstStranded(FailoverMap.of(p, slots), index);
            if (stranded < 0 || !moveOntoNewHost(model, slots, stranded)) break;
        }
        LOG.info(
                "HA repair: {} VMs moved onto new hosts, {} -> {} hosts",
                round,
                hostsBefore,
                Baselines.hostsUsed(slots));
        return slots;
    }

    private static int firstStranded(FailoverMap.Result map, Map<String, Integer> index) {
        if (map.vmsWithoutRestart() == 0) return -1;
        for (Scenario sc : map.scenarios()) {
            for (Restart r : sc.restarts()) {
                if (r.toSlot() < 0) return index.get(r.vm());
            }
        }
        return -1;
    }

    /** Switches on an empty host the stranded VM could restart on and moves the smallest movable VM there. */
    private static boolean moveOntoNewHost(DemandModel model, int[] slots, int stranded) {
        PlanningProblem p = model.problem();
        int[] count = new int[model.slots()];
        for (int s : slots) if (s >= 0) count[s]++;
        int group = model.antiAffinityGroup(stranded);
        for (int e = 0; e < model.slots(); e++) {
            if (count[e] > 0 || !restartAllowed(model, stranded, e)) continue;
            int best = -1;
            for (int u = 0; u < slots.length; u++) {
                int from = slots[u];
                if (from < 0 || count[from] < 2 || u == stranded) continue;
                if ((group >= 0 && model.antiAffinityGroup(u) == group)
                        || !model.allowed(u, e)
                        || !fitsAlone(model, u, e)) continue;
                if (model.softRulesBroken(u, e) > model.softRulesBroken(u, from)) continue;
                if (best < 0 || model.normalizedPeak(u) < model.normalizedPeak(best)) best = u;
            }
            if (best >= 0) {
                slots[best] = e;
                return true;
            }
        }
        return false;
    }

    /** Where a failed-over VM may restart: hardware assist and MUST host rules (a pin binds the first placement only). */
    private static boolean restartAllowed(DemandModel model, int vm, int slot) {
        return !model.hardwareAssistViolation(slot) && DemandModel.hostRulesAllow(model.problem(), vm, slot);
    }

    private static boolean fitsAlone(DemandModel model, int vm, int slot) {
        for (int r = 0; r < model.resources(); r++) {
            if (model.peak(r, vm) > model.capacity(r, slot)) return false;
        }
        return true;
    }
}
