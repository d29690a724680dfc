package org.dcplanner.consolidation.planning.solver;

import org.optaplanner.core.api.domain.entity.PlanningEntity;
import org.optaplanner.core.api.domain.lookup.PlanningId;
import org.optaplanner.core.api.domain.variable.PlanningVariable;

/** Planning entity: one VM of the workload and the host slot the solver puts it on. */
@PlanningEntity
public class VmAssignment {
    @PlanningId
    private int vmIndex;
    @PlanningVariable(valueRangeProviderRefs = "hostSlots")
    private HostSlot host;

    public VmAssignment() {}

    public VmAssignment(int vmIndex) {
        this.vmIndex = vmIndex;
    }

    public int getVmIndex() {
        return vmIndex;
    }

    public HostSlot getHost() {
        return host;
    }

    public void setHost(HostSlot host) {
        this.host = host;
    }
}
