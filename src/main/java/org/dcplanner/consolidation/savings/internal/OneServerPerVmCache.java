package org.dcplanner.consolidation.savings.internal;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;
import org.dcplanner.consolidation.inventory.HostModel;
import org.springframework.stereotype.Component;

/**
 * The "before" estate of one server per VM, kept per node for the last {@link #ENTRIES} workloads and candidate
 * sets: sizing it streams the workload's whole CPU trace (5–7 s for 10,000 VMs x 8,640 steps), and a stored
 * workload never changes (a re-upload is a new workload), so the savings card is computed once, not at every
 * request. The candidates' specs and the maintenance rule are part of the key: an edited model sizes anew.
 */
@Component
class OneServerPerVmCache {
    static final int ENTRIES = 32;

    private record Key(UUID workloadId, List<HostModel> candidates, MaintenanceRule maintenance) {}

    private final Map<Key, OneServerPerVm.Estate> estates = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Key, OneServerPerVm.Estate> eldest) {
            return size() > ENTRIES;
        }
    };

    /** The cached estate, or {@code size}'s answer stored for next time (sized outside the lock). */
    OneServerPerVm.Estate get(
            UUID workloadId,
            List<HostModel> candidates,
            MaintenanceRule maintenance,
            Supplier<OneServerPerVm.Estate> size) {
        Key key = new Key(workloadId, List.copyOf(candidates), maintenance);
        synchronized (estates) {
            OneServerPerVm.Estate known = estates.get(key);
            if (known != null) return known;
        }
        OneServerPerVm.Estate sized = size.get();
        synchronized (estates) {
            estates.put(key, sized);
        }
        return sized;
    }
}
