package org.dcplanner.consolidation.planning.solver.partition;

import java.util.ArrayList;
import java.util.List;
import org.dcplanner.consolidation.planning.solver.domain.PlanningProblem;
import org.dcplanner.consolidation.planning.solver.domain.PlanningProblem.HostSlotSpec;

/**
 * The whole estate on part of the pool, for a merge whose whole pool would not fit the heap: the slots the
 * partitions used and the pinned ones are kept, then unused slots in pool order up to {@code maxSlots}.
 *
 * @param problem    the problem on the kept slots (pins renumbered)
 * @param globalSlot per kept slot, its index in the whole pool
 */
public record PoolSlice(PlanningProblem problem, int[] globalSlot) {

    /** @param vmSlot a placement of the whole estate whose slots must be kept (null: only the pinned ones) */
    public static PoolSlice keep(PlanningProblem whole, int[] vmSlot, int maxSlots) {
        int poolSize = whole.slots().size();
        boolean[] keep = new boolean[poolSize];
        for (int pin : whole.pinnedSlot()) if (pin >= 0) keep[pin] = true;
        if (vmSlot != null) for (int s : vmSlot) keep[s] = true;
        int kept = 0;
        for (boolean k : keep) if (k) kept++;
        for (int s = 0; s < poolSize && kept < maxSlots; s++) {
            if (!keep[s]) {
                keep[s] = true;
                kept++;
            }
        }
        int[] local = new int[poolSize];
        List<Integer> global = new ArrayList<>();
        List<HostSlotSpec> slots = new ArrayList<>();
        for (int s = 0; s < poolSize; s++) {
            local[s] = keep[s] ? global.size() : -1;
            if (keep[s]) {
                global.add(s);
                slots.add(whole.slots().get(s));
            }
        }
        int[] pins = whole.pinnedSlot().clone();
        for (int v = 0; v < pins.length; v++) if (pins[v] >= 0) pins[v] = local[pins[v]];
        PlanningProblem cut = whole.with(
                whole.steps(),
                whole.demand(),
                slots,
                pins,
                whole.rules()
                        .onSlots(global.stream().mapToInt(Integer::intValue).toArray()));
        return new PoolSlice(cut, global.stream().mapToInt(Integer::intValue).toArray());
    }

    /** The placement in this slice's slot numbers (every slot of it must be kept). */
    public int[] toLocal(int[] wholeVmSlot) {
        int[] local = new int[wholeVmSlot.length];
        for (int v = 0; v < local.length; v++) {
            local[v] = java.util.Arrays.binarySearch(globalSlot, wholeVmSlot[v]);
            if (local[v] < 0) throw new IllegalArgumentException("slot " + wholeVmSlot[v] + " is not in the slice");
        }
        return local;
    }

    /** The placement in the whole pool's slot numbers. */
    public int[] toGlobal(int[] localVmSlot) {
        int[] global = new int[localVmSlot.length];
        for (int v = 0; v < global.length; v++) global[v] = localVmSlot[v] < 0 ? -1 : globalSlot[localVmSlot[v]];
        return global;
    }
}
