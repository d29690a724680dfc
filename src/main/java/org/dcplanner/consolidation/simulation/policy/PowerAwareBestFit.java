package org.dcplanner.consolidation.simulation.policy;

import java.util.BitSet;

/**
 * PABFD's host choice: among hosts the VM fits on and that the detector would not call overloaded with
 * it (not asked for an idle host, as CloudSim), the one whose power rises least; first host of equals.
 * Empty hosts of one model are interchangeable, so only the first of each is tried. With
 * {@code chargeSwitchOn} an empty host's rise includes its idle power (switching it on costs that), so
 * hosts already on are preferred; CloudSim does not charge it (its rise is P(u) − P(0) on any host).
 * The rise is measured from the host's load including VMs given to it earlier in the same round (CloudSim
 * measures it from the host's power before the round, so its VMs spread more; docs/simulation.md).
 */
public final class PowerAwareBestFit implements VmPlacement {
    private final OverloadDetection detection;
    private final boolean chargeSwitchOn;

    public PowerAwareBestFit(OverloadDetection detection, boolean chargeSwitchOn) {
        this.detection = detection;
        this.chargeSwitchOn = chargeSwitchOn;
    }

    @Override
    public int hostFor(ConsolidationState s, int v, BitSet excluded) {
        boolean[] emptyTried = new boolean[s.modelGroups()];
        int best = -1;
        double bestRise = Double.MAX_VALUE;
        for (int h = 0; h < s.hostCount(); h++) {
            if (excluded != null && excluded.get(h)) continue;
            boolean empty = s.memberCount(h) == 0;
            if (empty) {
                if (emptyTried[s.modelGroup(h)]) continue;
                emptyTried[s.modelGroup(h)] = true;
            }
            if (!s.fits(v, h)) continue;
            double now = s.utilization(h, -1);
            double before = empty && chargeSwitchOn ? 0 : s.watts(h, now);
            double rise = s.watts(h, s.utilization(h, v)) - before;
            if (rise >= bestRise) continue;
            if (now > 0 && detection.overloaded(s, h, v)) continue;
            bestRise = rise;
            best = h;
        }
        return best;
    }
}
