package org.dcplanner.consolidation.simulation.policy;

import java.util.SplittableRandom;

/** RS: a uniformly random VM of the host, from a seeded generator so that a run is repeatable. */
public final class RandomSelection implements VmSelection {
    private final SplittableRandom random;

    public RandomSelection(long seed) {
        this.random = new SplittableRandom(seed);
    }

    @Override
    public int select(ConsolidationState s, int h) {
        int[] vms = s.members(h);
        return vms.length == 0 ? -1 : vms[random.nextInt(vms.length)];
    }
}
