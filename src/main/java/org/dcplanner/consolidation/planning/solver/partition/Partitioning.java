package org.dcplanner.consolidation.planning.solver.partition;

import java.util.Arrays;
import java.util.List;
import org.dcplanner.consolidation.planning.solver.domain.PlacementRules;
import org.dcplanner.consolidation.planning.solver.domain.PlanningProblem;
import org.dcplanner.consolidation.planning.solver.domain.PlanningProblem.HostSlotSpec;

/**
 * An estate split into partitions: per partition its VMs and its slice of the pool (global indexes, disjoint).
 * Pinned VMs belong to no partition: they stay on their pin, whose slot no partition gets.
 *
 * @param vms   {@code [partition]} the partition's VM indexes, ascending
 * @param slots {@code [partition]} the partition's slot indexes, ascending
 */
public record Partitioning(int[][] vms, int[][] slots) {

    public int count() {
        return vms.length;
    }

    /**
     * Partition {@code k} as a problem of its own: its VMs (demand rows shared, not copied) on its slots, no pins,
     * the same anti-affinity groups, approach, HA reserve (each partition keeps it; the merge then needs it once)
     * and objective.
     */
    public PlanningProblem subProblem(PlanningProblem whole, int k) {
        int[] vmIndexes = vms[k];
        float[][][] demand = new float[whole.demand().length][vmIndexes.length][];
        String[] names = new String[vmIndexes.length];
        int[] groups = new int[vmIndexes.length];
        boolean[] paravirt = new boolean[vmIndexes.length];
        for (int i = 0; i < vmIndexes.length; i++) {
            int v = vmIndexes[i];
            for (int r = 0; r < demand.length; r++) demand[r][i] = whole.demand()[r][v];
            names[i] = whole.vmNames().get(v);
            groups[i] = whole.antiAffinityGroup()[v];
            paravirt[i] = whole.paravirtCapable()[v];
        }
        HostSlotSpec[] slotSpecs = new HostSlotSpec[slots[k].length];
        for (int i = 0; i < slotSpecs.length; i++) slotSpecs[i] = whole.slots().get(slots[k][i]);
        int[] noPins = new int[vmIndexes.length];
        Arrays.fill(noPins, -1);
        return new PlanningProblem(
                whole.resources(),
                whole.steps(),
                demand,
                List.of(names),
                List.of(slotSpecs),
                noPins,
                groups,
                paravirt,
                whole.approach(),
                whole.haReserveHosts(),
                whole.objective(),
                whole.limitRows(),
                // a plan with placement rules is never partitioned (PlanSolveJob): a partition has none
                PlacementRules.NONE);
    }

    /**
     * One placement of the whole estate from each partition's placement (per partition: per VM of it, its slot in
     * the whole pool): pinned VMs on their pins. This is the merge's start.
     */
    public int[] combine(PlanningProblem whole, int[][] partitionWholeSlots) {
        int[] vmSlot = whole.pinnedSlot().clone();
        for (int k = 0; k < count(); k++) {
            int[] placed = partitionWholeSlots[k];
            if (placed == null || placed.length != vms[k].length) {
                throw new IllegalArgumentException(
                        "partition " + k + " has no placement for its " + vms[k].length + " VMs");
            }
            for (int i = 0; i < placed.length; i++) vmSlot[vms[k][i]] = placed[i];
        }
        for (int v = 0; v < vmSlot.length; v++) {
            if (vmSlot[v] < 0) throw new IllegalArgumentException("VM " + v + " is in no partition and not pinned");
        }
        return vmSlot;
    }

    /** A placement of partition {@code k}'s sub-problem (slots within its slice) in whole-pool slots. */
    public int[] toWholePool(int k, int[] subVmSlot) {
        int[] out = new int[subVmSlot.length];
        for (int i = 0; i < out.length; i++) out[i] = subVmSlot[i] < 0 ? -1 : slots[k][subVmSlot[i]];
        return out;
    }

    /** The reverse of {@link #toWholePool}: null when a slot is outside the partition's slice. */
    public int[] toSubProblem(int k, int[] wholeSlots) {
        if (wholeSlots == null || wholeSlots.length != vms[k].length) return null;
        int[] local = new int[wholeSlots.length];
        for (int i = 0; i < local.length; i++) {
            local[i] = Arrays.binarySearch(slots[k], wholeSlots[i]);
            if (local[i] < 0) return null;
        }
        return local;
    }
}
