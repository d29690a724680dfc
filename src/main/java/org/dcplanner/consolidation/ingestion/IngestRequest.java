package org.dcplanner.consolidation.ingestion;

import org.dcplanner.consolidation.ingestion.source.TraceSource;
import org.springframework.core.io.InputStreamSource;

/**
 * What to ingest.
 *
 * @param inventory     optional inventory CSV (null for none), named {@code inventoryName} in errors
 * @param name          workload name; null = the upload's name without extension
 * @param format        null = detect from the first file's first line
 * @param stepSeconds   grid step; null = the format's own step or the median sample interval
 */
public record IngestRequest(TraceSource source, InputStreamSource inventory, String inventoryName, String name,
                            WorkloadFormat format, VmProfile vmProfile, Integer stepSeconds) {
    public IngestRequest {
        if (vmProfile == null) vmProfile = VmProfile.DEFAULT;
        if (stepSeconds != null && stepSeconds <= 0) {
            throw org.dcplanner.consolidation.web.ApiException.badRequest("stepSeconds must be a positive number of seconds")
                    .at(null, null, "stepSeconds");
        }
    }
}
