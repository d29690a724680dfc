package org.dcplanner.consolidation.planning.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.dcplanner.consolidation.ingestion.CurrentEstate;
import org.dcplanner.consolidation.ingestion.WorkloadVm;
import org.dcplanner.consolidation.inventory.HostCatalog;
import org.dcplanner.consolidation.planning.PlanRequest;
import org.dcplanner.consolidation.problem.ApiException;

/**
 * A plan from today's placement: the pool is today's hosts (slot i = the estate's i-th host in name order), each
 * with the catalog model the request maps it to, and each VM starts on the slot of its current host.
 */
final class TodaysPlacement {
    private TodaysPlacement() {}

    /** The request on today's hosts (422 without an estate, 404 for an unknown model, 422 for an unmapped host). */
    static PlanRequest onTodaysHosts(PlanRequest request, CurrentEstate estate, HostCatalog catalog) {
        if (estate.isEmpty()) {
            throw ApiException.unprocessable(
                            "no-current-placement",
                            "workload " + request.workloadId() + " has no current placement: upload its RVTools"
                                    + " export as the inventory to plan from today's placement")
                    .at(null, null, "fromCurrentPlacement");
        }
        Map<String, String> mapping = request.fromCurrentPlacement().hostModels();
        List<PlanRequest.PoolEntry> pool = new ArrayList<>();
        List<String> unmapped = new ArrayList<>();
        for (CurrentEstate.Host h : estate.hosts()) {
            String model = mapping.containsKey(h.name()) ? mapping.get(h.name()) : mapping.get(h.model());
            if (model == null) {
                unmapped.add(h.name() + (h.model() == null ? "" : " (" + h.model() + ")"));
                continue;
            }
            if (catalog.find(model).isEmpty()) {
                throw ApiException.notFound("host model", model).at(null, null, "fromCurrentPlacement.hostModels");
            }
            PlanRequest.PoolEntry last = pool.isEmpty() ? null : pool.get(pool.size() - 1);
            if (last != null && last.model().equals(model)) {
                pool.set(pool.size() - 1, new PlanRequest.PoolEntry(model, last.count() + 1));
            } else {
                pool.add(new PlanRequest.PoolEntry(model, 1));
            }
        }
        if (!unmapped.isEmpty()) {
            throw ApiException.unprocessable(
                            "unmapped-current-hosts",
                            "fromCurrentPlacement.hostModels gives no catalog model for " + unmapped.size()
                                    + " of today's hosts: "
                                    + String.join(", ", unmapped.subList(0, Math.min(10, unmapped.size()))))
                    .at(null, null, "fromCurrentPlacement.hostModels");
        }
        return request.withHostPool(pool);
    }

    /** Per VM (by position), the slot of the host it runs on today, or -1 when not known. */
    static int[] startSlots(CurrentEstate estate, List<WorkloadVm> vms) {
        Map<String, Integer> slotOfHost = new HashMap<>();
        for (int i = 0; i < estate.hosts().size(); i++)
            slotOfHost.put(estate.hosts().get(i).name(), i);
        int[] slots = new int[vms.size()];
        for (int v = 0; v < vms.size(); v++) {
            String host = estate.vmHost().get(vms.get(v).index());
            slots[v] = host == null ? -1 : slotOfHost.getOrDefault(host, -1);
        }
        return slots;
    }

    /** Slot i's name: today's i-th host. */
    static List<String> hostNames(CurrentEstate estate) {
        return estate.hosts().stream().map(CurrentEstate.Host::name).toList();
    }
}
