package org.dcplanner.consolidation.ingestion.internal;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Map;
import org.dcplanner.consolidation.ingestion.Metric;
import org.dcplanner.consolidation.ingestion.WorkloadClass;

/**
 * One VM of a workload with its size and, per measured metric (CPU, MEMORY, DISK, NETWORK), the mean,
 * p95 and peak of its aligned series in that metric's canonical unit (MHz, MiB, KB/s, KB/s).
 */
public record VmView(
        int index,
        String name,
        int cores,
        double cpuMhz,
        double memoryMib,
        String guestOs,
        boolean paravirtCapable,
        WorkloadClass workloadClass,
        String antiAffinityGroup,
        Map<Metric, SeriesStats> stats) {

    /** The VM's identifier in URLs (/vms/{id}/series): its name. */
    @JsonProperty("id")
    public String id() {
        return name;
    }

    /** Alias of {@code cores} for the UI. */
    @JsonProperty("vcpus")
    public int vcpus() {
        return cores;
    }
}
