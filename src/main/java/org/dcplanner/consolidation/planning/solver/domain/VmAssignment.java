package org.dcplanner.consolidation.planning.solver.domain;

import org.optaplanner.core.api.domain.entity.PlanningEntity;
import org.optaplanner.core.api.domain.entity.PlanningPin;
import org.optaplanner.core.api.domain.lookup.PlanningId;
import org.optaplanner.core.api.domain.variable.PlanningVariable;

/** Planning entity: one VM of the workload and the host slot the solver puts it on. */
@PlanningEntity
public class VmAssignment {
    @PlanningId
    private int vmIndex;

    @PlanningVariable(valueRangeProviderRefs = "hostSlots")
    private HostSlot host;
    /** Pinned VMs start on their slot and are never moved by the solver. */
    @PlanningPin
    private boolean pinned;
    /** The problem this VM belongs to (demand series, pin, group); shared, never cloned. */
    private DemandModel model;

    public VmAssignment() {}

    public VmAssignment(int vmIndex) {
        this.vmIndex = vmIndex;
    }

    public VmAssignment(int vmIndex, HostSlot host, boolean pinned, DemandModel model) {
        this.vmIndex = vmIndex;
        this.host = host;
        this.pinned = pinned;
        this.model = model;
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

    public boolean isPinned() {
        return pinned;
    }

    public DemandModel getModel() {
        return model;
    }

    public int getAntiAffinityGroup() {
        return model.antiAffinityGroup(vmIndex);
    }

    public int getAffinityGroup() {
        return model.affinityGroup(vmIndex);
    }

    /** MUST host rules the VM breaks where it is. */
    public int getHardRulesBroken() {
        return host == null ? 0 : model.hardRulesBroken(vmIndex, host.getIndex());
    }

    /** SHOULD host rules the VM breaks where it is. */
    public int getSoftRulesBroken() {
        return host == null ? 0 : model.softRulesBroken(vmIndex, host.getIndex());
    }

    /** True if the VM is pinned to a slot other than the one it is on. */
    public boolean isOffItsPin() {
        int pin = model.pinnedSlot(vmIndex);
        return host != null && pin >= 0 && pin != host.getIndex();
    }

    public boolean isParavirtViolation() {
        return model.paravirtViolation(vmIndex);
    }

    public boolean isOnHostWithoutHardwareAssist() {
        return host != null && model.hardwareAssistViolation(host.getIndex());
    }

    @Override
    public String toString() {
        return "vm " + vmIndex;
    }
}
