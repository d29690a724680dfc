package org.dcplanner.consolidation.planning.solver.domain;

import org.optaplanner.core.api.domain.lookup.PlanningId;

/** Problem fact: one physical host of the pool (model + position), a value VMs can be assigned to. */
public class HostSlot {
    @PlanningId
    private int index;

    private String modelId;

    public HostSlot() {}

    public HostSlot(int index, String modelId) {
        this.index = index;
        this.modelId = modelId;
    }

    public int getIndex() {
        return index;
    }

    public String getModelId() {
        return modelId;
    }

    @Override
    public String toString() {
        return "slot " + index + " (" + modelId + ")";
    }
}
