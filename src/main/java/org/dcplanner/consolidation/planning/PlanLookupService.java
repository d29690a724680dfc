package org.dcplanner.consolidation.planning;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.dcplanner.consolidation.planning.PlacedPlan.PlannedHost;
import org.springframework.stereotype.Service;

/** {@link PlanLookup} over table plans: active hosts are the slots that got at least one VM. */
@Service
class PlanLookupService implements PlanLookup {
    private final PlanRepository plans;
    private final PlanService service;

    PlanLookupService(PlanRepository plans, PlanService service) {
        this.plans = plans;
        this.service = service;
    }

    @Override
    public Optional<PlacedPlan> placedPlan(UUID planId) {
        return plans.find(planId)
                .filter(p -> p.hasSolution() && (p.status() == PlanStatus.COMPLETED || p.status() == PlanStatus.CANCELLED))
                .map(this::toPlaced);
    }

    @Override
    public boolean exists(UUID planId) {
        return plans.exists(planId);
    }

    private PlacedPlan toPlaced(PlanRecord p) {
        PlanRequest request = service.readRequest(p.requestJson());
        List<PlannedHost> hosts = new ArrayList<>();
        Map<Integer, Integer> hostIndexOfSlot = new HashMap<>();
        int[] vmHost = new int[p.vmSlot().length];
        for (int vm = 0; vm < vmHost.length; vm++) {
            int slot = p.vmSlot()[vm];
            if (slot < 0) {
                vmHost[vm] = -1;
                continue;
            }
            vmHost[vm] = hostIndexOfSlot.computeIfAbsent(slot, s -> {
                hosts.add(new PlannedHost(s, p.slotModels().get(s)));
                return hosts.size() - 1;
            });
        }
        return new PlacedPlan(p.id(), p.workloadId(), request.virtualization(), java.util.Set.copyOf(request.resources()),
                request.targetUtilization(), hosts, vmHost);
    }
}
