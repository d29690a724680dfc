package org.dcplanner.consolidation.ingestion.internal;

import java.time.Instant;
import org.dcplanner.consolidation.ingestion.source.TraceSource;
import org.springframework.core.io.InputStreamSource;

/**
 * What to ingest.
 *
 * @param inventory     optional inventory CSV (null for none), named {@code inventoryName} in errors
 * @param name          workload name; null = the upload's name without extension
 * @param format        null = detect from the first file's first line
 * @param stepSeconds   grid step; null = the format's own step or the median sample interval
 * @param start         time of the first line for formats without timestamps (PlanetLab); null = the
 *                      yyyyMMdd day in the folder or upload name, else 1970-01-01T00:00:00Z; the snapshot's time of an
 *                      RVTools export alone (null = now)
 * @param assumedCpuPercent RVTools export alone: the share of a VM's MHz it is taken to use when vCPU Overall is
 *                      absent, 1..100; null = none (such a VM is then refused)
 */
public record IngestRequest(
        TraceSource source,
        InputStreamSource inventory,
        String inventoryName,
        String name,
        WorkloadFormat format,
        VmProfile vmProfile,
        Integer stepSeconds,
        Instant start,
        Double assumedCpuPercent) {
    public IngestRequest {
        if (vmProfile == null) vmProfile = VmProfile.DEFAULT;
        org.dcplanner.consolidation.problem.Ranges.check("assumedCpuPercent", assumedCpuPercent, 1, 100);
        // one second to one day: coarser steps than a day leave nothing to multiplex
        org.dcplanner.consolidation.problem.Ranges.check("stepSeconds", stepSeconds, 1, 86_400);
    }
}
