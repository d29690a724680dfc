package org.dcplanner.consolidation.virtualization;

import org.dcplanner.consolidation.ingestion.WorkloadVm;

/**
 * Turns a VM's demand into the host resources it consumes under a virtualization approach.
 * The one code path shared by the planner's sizing and the execution engine's replay.
 */
public interface OverheadModel {

    /**
     * Host-side consumption of one VM at one time step.
     *
     * @param out receives, indexed by {@code Metric.ordinal()}: host CPU MHz (incl. privileged,
     *            MMU and I/O-handling CPU), memory MiB (incl. per-VM hypervisor overhead),
     *            disk KB/s and network KB/s as seen by the host
     */
    void hostDemand(
            VirtualizationApproach approach,
            WorkloadVm vm,
            float cpuMhz,
            float memoryMib,
            float diskKBps,
            float networkKBps,
            float[] out);

    /**
     * The same model adding no approach overhead: host CPU = the guest's CPU capped at its configured vCPU MHz,
     * memory = the guest's memory (less page sharing, if configured), disk and network unchanged, and no
     * slowdown. For traces measured inside VMs, whose series already include their hypervisor's overhead.
     */
    OverheadModel withoutApproachOverhead();
}
