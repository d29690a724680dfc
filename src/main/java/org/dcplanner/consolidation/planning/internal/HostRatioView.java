package org.dcplanner.consolidation.planning.internal;

import java.util.ArrayList;
import java.util.List;
import org.dcplanner.consolidation.ingestion.WorkloadVm;
import org.dcplanner.consolidation.inventory.HostCatalog;
import org.dcplanner.consolidation.inventory.HostModel;
import org.dcplanner.consolidation.planning.PlanRequest;

/**
 * One active host's overcommit and density, from the VMs' configured sizes (what an admin reads off the
 * hypervisor), next to the limits the plan request set for it.
 *
 * @param vcpuPerCore      configured vCPUs ÷ physical cores
 * @param memoryRatio      configured memory ÷ physical memory (above 1: overcommitted on configured size)
 * @param limits           the limits in effect on this host's pool entry (null values: none)
 */
record HostRatioView(
        int slot,
        String hostModel,
        int vms,
        int vcpus,
        int cores,
        double vcpuPerCore,
        double configuredMemoryMib,
        double memoryMib,
        double memoryRatio,
        PlanRequest.Limits limits) {

    /** The active hosts of a placement, by slot. O(VMs + slots). */
    static List<HostRatioView> of(
            PlanRequest request, List<String> slotModels, int[] vmSlot, List<WorkloadVm> vms, HostCatalog catalog) {
        int slots = slotModels.size();
        int[] count = new int[slots];
        int[] vcpus = new int[slots];
        double[] memory = new double[slots];
        for (int v = 0; v < vmSlot.length; v++) {
            int s = vmSlot[v];
            if (s < 0) continue;
            count[s]++;
            vcpus[s] += Math.max(1, vms.get(v).cores());
            memory[s] += vms.get(v).memoryMib();
        }
        PlanRequest.Limits[] limits = new PlanRequest.Limits[slots];
        int slot = 0;
        for (PlanRequest.PoolEntry e : request.hostPool()) {
            for (int c = 0; c < e.count() && slot < slots; c++) limits[slot++] = e.limitsOver(request.limits());
        }
        List<HostRatioView> out = new ArrayList<>();
        for (int s = 0; s < slots; s++) {
            if (count[s] == 0) continue;
            HostModel m = catalog.find(slotModels.get(s)).orElse(null);
            int cores = m == null ? 0 : m.cores();
            double mib = m == null ? 0 : m.memoryMib();
            out.add(new HostRatioView(
                    s,
                    slotModels.get(s),
                    count[s],
                    vcpus[s],
                    cores,
                    cores > 0 ? vcpus[s] / (double) cores : 0,
                    memory[s],
                    mib,
                    mib > 0 ? memory[s] / mib : 0,
                    limits[s]));
        }
        return out;
    }
}
