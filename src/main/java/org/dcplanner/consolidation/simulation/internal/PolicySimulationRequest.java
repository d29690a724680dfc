package org.dcplanner.consolidation.simulation.internal;

import java.util.List;
import java.util.UUID;
import org.dcplanner.consolidation.planning.PlanRequest.PoolEntry;
import org.dcplanner.consolidation.simulation.policy.PolicySpec;
import org.dcplanner.consolidation.virtualization.VirtualizationApproach;

/**
 * A replay with an online policy, as stored. With {@code planId} the plan's placement is the start (the
 * dynamic mode; spare hosts = the plan's unused pool slots); without it {@code hostPool} is the data
 * center and {@code start} = PABFD places the VMs on the first sample (the CloudSim-equivalent mode).
 *
 * @param overheadInTrace the trace was measured inside VMs: add no virtualization overhead (no-plan mode,
 *                        default true; a plan run follows the plan's sizing)
 */
public record PolicySimulationRequest(
        UUID workloadId,
        UUID planId,
        List<PoolEntry> hostPool,
        PolicySpec policy,
        String start,
        VirtualizationApproach virtualization,
        Boolean overheadInTrace) {
    /** Hosts in a no-plan pool (the engine keeps per-host arrays). */
    static final int MAX_POOL_HOSTS = 100_000;

    static final String PABFD = "PABFD";
}
