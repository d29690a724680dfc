package org.dcplanner.consolidation.planning.solver.score;

import java.util.Arrays;
import org.dcplanner.consolidation.planning.solver.domain.DemandModel;

/** The VMs on each slot, with O(1) add and remove (swap with last). */
public final class SlotMembers {
    private final int[][] vms;
    private final int[] count;
    private final int[] position;

    public SlotMembers(int vmCount, int slotCount) {
        this.vms = new int[slotCount][4];
        this.count = new int[slotCount];
        this.position = new int[vmCount];
    }

    public void add(int vm, int slot) {
        if (count[slot] == vms[slot].length) {
            vms[slot] = Arrays.copyOf(vms[slot], vms[slot].length * 2);
        }
        position[vm] = count[slot];
        vms[slot][count[slot]++] = vm;
    }

    public void remove(int vm, int slot) {
        int at = position[vm];
        int last = vms[slot][--count[slot]];
        vms[slot][at] = last;
        position[last] = at;
    }

    /** A copy of the VMs on the slot. */
    public int[] of(int slot) {
        return Arrays.copyOf(vms[slot], count[slot]);
    }

    public boolean hasPinned(int slot, DemandModel model) {
        for (int i = 0; i < count[slot]; i++) {
            if (model.pinnedSlot(vms[slot][i]) >= 0) {
                return true;
            }
        }
        return false;
    }
}
