package org.dcplanner.consolidation.planning;

import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.dcplanner.consolidation.ingestion.Metric;
import org.dcplanner.consolidation.simulation.VirtualizationApproach;

/**
 * A solved plan as other features (simulation, savings) consume it.
 *
 * @param hosts      the host slots of the pool that have at least one VM (active hosts)
 * @param vmHostSlot for each VM index of the workload, the index into {@code hosts}
 */
public record PlacedPlan(UUID planId, UUID workloadId, VirtualizationApproach approach, Set<Metric> resources,
                         double targetUtilization, List<PlannedHost> hosts, int[] vmHostSlot) {
    public PlacedPlan {
        hosts = List.copyOf(hosts);
        resources = Set.copyOf(resources);
        vmHostSlot = vmHostSlot.clone();
    }

    /** One active host: its position in the pool and its catalog model. */
    public record PlannedHost(int slotIndex, String modelId) {
    }
}
