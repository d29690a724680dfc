package org.dcplanner.consolidation.planning.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.UUID;
import org.dcplanner.consolidation.inventory.HostCatalog;
import org.dcplanner.consolidation.inventory.HostModel;
import org.dcplanner.consolidation.planning.PlacedPlan;
import org.dcplanner.consolidation.planning.PlacedPlan.PlannedHost;
import org.dcplanner.consolidation.planning.PlanLookup;
import org.dcplanner.consolidation.planning.PlanRequest;
import org.dcplanner.consolidation.planning.VirtualizationChoice;
import org.springframework.stereotype.Service;

/** {@link PlanLookup} over table plans: active hosts are the slots that got at least one VM, by slot index. */
@Service
class PlanLookupService implements PlanLookup {
    private final PlanRepository plans;
    private final PlanService service;
    private final HostCatalog catalog;

    PlanLookupService(PlanRepository plans, PlanService service, HostCatalog catalog) {
        this.plans = plans;
        this.service = service;
        this.catalog = catalog;
    }

    @Override
    public Optional<PlacedPlan> placedPlan(UUID planId) {
        return plans.find(planId)
                .filter(p ->
                        p.hasSolution() && (p.status() == PlanStatus.COMPLETED || p.status() == PlanStatus.CANCELLED))
                .map(this::toPlaced);
    }

    @Override
    public boolean exists(UUID planId) {
        return plans.exists(planId);
    }

    @Override
    public List<String> poolModels(UUID planId) {
        return plans.find(planId).map(PlanRecord::slotModels).orElse(List.of());
    }

    @Override
    public Optional<PlanState> state(UUID planId) {
        return plans.find(planId)
                .map(p -> new PlanState(p.status().name(), p.status().finished(), p.error(), p.hostsUsed()));
    }

    @Override
    public Optional<org.dcplanner.consolidation.planning.WindowSchedule> windowSchedule(UUID planId) {
        return plans.find(planId)
                .filter(p ->
                        p.hasSolution() && (p.status() == PlanStatus.COMPLETED || p.status() == PlanStatus.CANCELLED))
                .flatMap(service::windowSchedule);
    }

    @Override
    public Optional<PlacedPlan> todaysPlacement(UUID planId) {
        return plans.find(planId)
                .filter(p ->
                        p.hasSolution() && (p.status() == PlanStatus.COMPLETED || p.status() == PlanStatus.CANCELLED))
                .filter(p -> service.readRequest(p.requestJson()).fromCurrentPlacement() != null)
                .map(p -> {
                    int[] today = service.todaysSlots(p);
                    for (int v = 0; v < today.length; v++) if (today[v] < 0) today[v] = p.vmSlot()[v];
                    return toPlaced(p, today);
                });
    }

    private PlacedPlan toPlaced(PlanRecord p) {
        return toPlaced(p, p.vmSlot());
    }

    private PlacedPlan toPlaced(PlanRecord p, int[] vmSlot) {
        PlanRequest request = service.readRequest(p.requestJson());
        SortedSet<Integer> activeSlots = new TreeSet<>();
        for (int slot : vmSlot) if (slot >= 0) activeSlots.add(slot);
        List<PlannedHost> hosts = new ArrayList<>();
        Map<Integer, Integer> hostIndexOfSlot = new HashMap<>();
        for (int slot : activeSlots) {
            hostIndexOfSlot.put(slot, hosts.size());
            hosts.add(new PlannedHost(slot, p.slotModels().get(slot)));
        }
        int[] vmHost = new int[vmSlot.length];
        for (int vm = 0; vm < vmHost.length; vm++) vmHost[vm] = vmSlot[vm] < 0 ? -1 : hostIndexOfSlot.get(vmSlot[vm]);
        VirtualizationChoice choice = request.virtualization();
        return new PlacedPlan(
                p.id(),
                p.workloadId(),
                choice.base(poolHardwareAssist(request)),
                java.util.Set.copyOf(request.resources()),
                request.targetUtilization(),
                hosts,
                vmHost,
                request.sizing(),
                request.haReserveHosts() == null ? 0 : request.haReserveHosts(),
                choice == VirtualizationChoice.AUTO,
                p.vmNames(),
                request.from(),
                request.to());
    }

    /** Every model of the request's pool has hardware assist (a model since removed from the catalog counts as not). */
    private boolean poolHardwareAssist(PlanRequest request) {
        return request.hostPool().stream()
                .allMatch(e ->
                        catalog.find(e.model()).map(HostModel::hardwareAssist).orElse(false));
    }
}
