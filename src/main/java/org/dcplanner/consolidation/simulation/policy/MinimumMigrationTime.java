package org.dcplanner.consolidation.simulation.policy;

/** MMT: the VM whose live migration is shortest, i.e. the least memory to copy (first of equals). */
public final class MinimumMigrationTime implements VmSelection {
    @Override
    public int select(ConsolidationState s, int h) {
        int best = -1;
        for (int v : s.members(h)) {
            if (best < 0 || s.configuredMemoryMib(v) < s.configuredMemoryMib(best)) best = v;
        }
        return best;
    }
}
