package org.dcplanner.consolidation.ingestion;

import java.util.Set;
import java.util.UUID;

/** The ingestion feature's read API for other features (planning, simulation, savings). */
public interface WorkloadStore {
    boolean exists(UUID workloadId);

    /** Loads the VMs and the requested metrics' aligned series; throws ApiException 404 when unknown. */
    LoadedWorkload load(UUID workloadId, Set<Metric> metrics);

    /** Today's hosts and each VM's current host (empty when the upload had no RVTools inventory). */
    CurrentEstate estate(UUID workloadId);
}
