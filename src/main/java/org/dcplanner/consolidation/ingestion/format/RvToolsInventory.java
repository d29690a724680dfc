package org.dcplanner.consolidation.ingestion.format;

import java.util.List;
import java.util.Map;

/**
 * What an RVTools export says about the estate: each VM's size (as inventory rows), where it runs today
 * and the hosts it runs on.
 *
 * @param vms       VM sizes and guest OS by VM name, like an inventory CSV
 * @param placement power state, cluster and current host by VM name
 * @param hosts     the vHost sheet: today's servers
 * @param usage     what each VM used when the export was taken (vCPU Overall, vMemory Consumed), by VM name
 */
public record RvToolsInventory(
        Map<String, InventoryRow> vms,
        Map<String, VmPlacement> placement,
        List<EstateHost> hosts,
        Map<String, VmUsage> usage) {
    /**
     * A VM's use at the moment of the export, for a workload from the export alone (a one-step snapshot).
     *
     * @param template          vInfo Template is True (not a running VM)
     * @param overallCpuMhz     vCPU Overall (MHz), null when the sheet or cell is absent
     * @param cpuFile           where the Overall cell is (vCPU sheet), else the vInfo sheet, for errors
     * @param cpuLine           its line
     * @param consumedMemoryMib vMemory Consumed (MiB), null when absent
     */
    public record VmUsage(
            boolean template, Double overallCpuMhz, String cpuFile, long cpuLine, Double consumedMemoryMib) {}

    /** Where a VM runs today (vInfo Powerstate, Cluster, Host). */
    public record VmPlacement(String powerState, String cluster, String host) {}

    /**
     * One server of today's estate (vHost).
     *
     * @param coreMhz   clock of one core (vHost Speed)
     * @param memoryMib vHost "# Memory"
     */
    public record EstateHost(
            String name,
            String cluster,
            String vendor,
            String model,
            Integer sockets,
            Integer cores,
            Double coreMhz,
            Double memoryMib) {}
}
