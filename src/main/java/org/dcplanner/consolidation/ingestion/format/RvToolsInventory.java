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
 */
public record RvToolsInventory(
        Map<String, InventoryRow> vms, Map<String, VmPlacement> placement, List<EstateHost> hosts) {
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
