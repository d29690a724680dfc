package org.dcplanner.consolidation.simulation.internal;

import java.util.BitSet;
import org.dcplanner.consolidation.simulation.policy.PolicySpec;

/**
 * How a replay runs an online policy.
 *
 * @param spec           detection, parameter, selection
 * @param startPabfd     true: ignore the input's placement and start with power-aware best-fit decreasing on
 *                       the first sample (CloudSim-equivalent mode); false: start from the input's placement (a plan)
 * @param checkMemory    placement keeps host memory within capacity (false: CPU only, as CloudSim)
 * @param chargeSwitchOn the placement counts an empty host's idle power as the cost of switching it on
 * @param consolidatable hosts underload consolidation may empty (null: every host)
 */
public record OnlinePolicy(
        PolicySpec spec, boolean startPabfd, boolean checkMemory, boolean chargeSwitchOn, BitSet consolidatable) {

    /** CloudSim's setting: PABFD start on the first sample, CPU only, every host may be emptied. */
    public static OnlinePolicy cloudSim(PolicySpec spec) {
        return new OnlinePolicy(spec, true, false, false, null);
    }

    /**
     * The product's dynamic mode: the plan's placement is the start and its hosts keep their VMs unless
     * overloaded; only hosts the policy switched on are consolidated again; switching a host on costs its idle power.
     */
    public static OnlinePolicy fromPlan(PolicySpec spec, int plannedHosts, int allHosts, boolean checkMemory) {
        BitSet spare = new BitSet(allHosts);
        spare.set(plannedHosts, allHosts);
        return new OnlinePolicy(spec, false, checkMemory, true, spare);
    }
}
