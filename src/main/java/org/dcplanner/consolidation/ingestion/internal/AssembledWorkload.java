package org.dcplanner.consolidation.ingestion.internal;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.dcplanner.consolidation.ingestion.Metric;
import org.dcplanner.consolidation.ingestion.TimeGrid;
import org.dcplanner.consolidation.ingestion.WorkloadVm;

/**
 * A parsed workload on its grid, ready to store.
 *
 * @param series   per metric and VM the aligned steps, canonical units, for the measured metrics only
 * @param stats    per metric one {@link SeriesStats} per VM
 * @param measured metrics with a stored series (CPU and memory always; disk, network when the trace has them)
 * @param samples  values read from the trace (VM x timestamp x metric given)
 */
public record AssembledWorkload(
        TimeGrid grid,
        List<WorkloadVm> vms,
        SeriesSource series,
        Map<Metric, SeriesStats[]> stats,
        Set<Metric> measured,
        List<IngestWarnings.IngestWarning> warnings,
        long samples) {

    /** One VM's aligned series of one measured metric, made when asked (so only one is in the heap at a time). */
    @FunctionalInterface
    public interface SeriesSource {
        float[] of(Metric metric, int vm);
    }
}
