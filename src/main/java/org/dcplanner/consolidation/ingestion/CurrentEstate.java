package org.dcplanner.consolidation.ingestion;

import java.util.List;
import java.util.Map;

/**
 * Where a workload's VMs run today (its RVTools estate), for plans that start from there.
 *
 * @param hosts     today's servers, in name order
 * @param vmHost    per VM index, the name of the host it runs on (VMs without a known host are absent)
 */
public record CurrentEstate(List<Host> hosts, Map<Integer, String> vmHost) {
    public CurrentEstate {
        hosts = List.copyOf(hosts);
        vmHost = Map.copyOf(vmHost);
    }

    public static CurrentEstate none() {
        return new CurrentEstate(List.of(), Map.of());
    }

    public boolean isEmpty() {
        return hosts.isEmpty();
    }

    /** One of today's servers: vHost name and model, with its size when the export gave it. */
    public record Host(String name, String model, Integer cores, Double coreMhz, Double memoryMib) {}
}
