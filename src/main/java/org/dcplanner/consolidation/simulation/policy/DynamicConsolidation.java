package org.dcplanner.consolidation.simulation.policy;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One decision round of online consolidation (Beloglazov & Buyya 2012, as CloudSim's
 * {@code PowerVmAllocationPolicyMigrationAbstract.optimizeAllocation}): (1) overloaded hosts give up VMs
 * (selection) until the detector no longer calls them overloaded; (2) those VMs, busiest first, go to
 * the placement's host, never back to an overloaded one (a VM with no host stays); (3) underload
 * consolidation: hosts in rising order of utilization are emptied when every VM of the host finds
 * another host that is on (else nothing moves from it), and hosts that received VMs are not emptied.
 * A host is off when it has no VM (0 W) and switched on when the placement picks it. Tentative moves that
 * are undone leave each host's VM order as it was (CloudSim restores its allocation after deciding), so a
 * selection that takes the first of equals sees the VMs in the order they arrived.
 *
 * @param consolidatable which hosts underload consolidation may empty (null: all)
 */
public record DynamicConsolidation(
        OverloadDetection detection, VmSelection selection, VmPlacement placement, BitSet consolidatable) {

    /** Moves for the state's current step; the state ends in the new placement. */
    public List<Move> decide(ConsolidationState s) {
        int hosts = s.hostCount();
        int[] before = s.placement();
        int[][] orderBefore = new int[hosts][];
        for (int h = 0; h < hosts; h++) orderBefore[h] = s.members(h);
        double[] utilizationNow = new double[hosts];
        for (int h = 0; h < hosts; h++) utilizationNow[h] = s.utilization(h, -1);
        BitSet overloaded = new BitSet(hosts);
        for (int h = 0; h < hosts; h++) {
            if (s.memberCount(h) > 0 && detection.overloaded(s, h)) overloaded.set(h);
        }
        List<Integer> leaving = new ArrayList<>();
        for (int h = overloaded.nextSetBit(0); h >= 0; h = overloaded.nextSetBit(h + 1)) {
            while (true) {
                int v = selection.select(s, h);
                if (v < 0) break;
                s.detach(v);
                leaving.add(v);
                if (!detection.overloaded(s, h)) break;
            }
        }
        leaving.sort(Comparator.comparingDouble((Integer v) -> -s.demandMhz(v)));
        for (int v : leaving) {
            int to = placement.hostFor(s, v, overloaded);
            s.attach(v, to >= 0 ? to : before[v]);
        }
        consolidateUnderloaded(s, overloaded, utilizationNow);

        for (int h = 0; h < hosts; h++) s.keepOrder(h, orderBefore[h]);
        Map<Integer, Move> moves = new LinkedHashMap<>();
        int[] after = s.placement();
        for (int v = 0; v < after.length; v++) {
            if (after[v] != before[v] && before[v] >= 0) moves.put(v, new Move(v, before[v], after[v]));
        }
        return List.copyOf(moves.values());
    }

    private void consolidateUnderloaded(ConsolidationState s, BitSet overloaded, double[] utilizationNow) {
        int hosts = s.hostCount();
        BitSet off = new BitSet(hosts);
        for (int h = 0; h < hosts; h++) if (!(utilizationNow[h] > 0)) off.set(h);
        BitSet notToEmpty = (BitSet) overloaded.clone();
        notToEmpty.or(off);
        if (consolidatable != null) {
            BitSet fixed = (BitSet) consolidatable.clone();
            fixed.flip(0, hosts);
            notToEmpty.or(fixed);
        }
        BitSet notTarget = (BitSet) overloaded.clone();
        notTarget.or(off);
        while (true) {
            int h = leastUtilized(utilizationNow, notToEmpty, s);
            if (h < 0) return;
            notToEmpty.set(h);
            notTarget.set(h);
            int[] vms = s.members(h);
            if (vms.length == 0) continue;
            Integer[] order = new Integer[vms.length];
            for (int i = 0; i < vms.length; i++) order[i] = vms[i];
            java.util.Arrays.sort(order, Comparator.comparingDouble((Integer v) -> -s.demandMhz(v)));
            List<Integer> moved = new ArrayList<>();
            boolean all = true;
            for (int v : order) {
                s.detach(v);
                int to = placement.hostFor(s, v, notTarget);
                if (to < 0) {
                    s.attach(v, h);
                    all = false;
                    break;
                }
                s.attach(v, to);
                moved.add(v);
            }
            if (!all) {
                for (int v : moved) {
                    s.detach(v);
                    s.attach(v, h);
                }
                continue;
            }
            for (int v : moved) notToEmpty.set(s.hostOf(v));
        }
    }

    /** The on host with the lowest utilization in (0, 1) not excluded, or -1. */
    private static int leastUtilized(double[] utilization, BitSet excluded, ConsolidationState s) {
        int best = -1;
        double lowest = 1;
        for (int h = excluded.nextClearBit(0); h < utilization.length; h = excluded.nextClearBit(h + 1)) {
            double u = utilization[h];
            if (u > 0 && u < lowest && s.memberCount(h) > 0) {
                lowest = u;
                best = h;
            }
        }
        return best;
    }
}
