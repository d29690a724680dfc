package org.dcplanner.consolidation.ingestion;

import java.util.Set;
import java.util.UUID;

/** The ingestion feature's read API for other features (planning, simulation, savings). */
public interface WorkloadStore {
    boolean exists(UUID workloadId);

    /** Loads the VMs and the requested metrics' aligned series; throws ApiException 404 when unknown. */
    LoadedWorkload load(UUID workloadId, Set<Metric> metrics);
}
