package org.dcplanner.consolidation.planning;

import java.util.List;
import org.dcplanner.consolidation.ingestion.WorkloadVm;
import org.dcplanner.consolidation.virtualization.VirtualizationApproach;

/** What a plan request asks for: one approach for every VM, or AUTO, chosen per VM. */
public enum VirtualizationChoice {
    FULL,
    PARAVIRTUAL,
    HARDWARE_ASSISTED,
    /**
     * Per VM: paravirtual for guests modified for it (inventory {@code paravirtCapable}); the others
     * hardware-assisted when every host model of the pool has hardware assist with nested paging, else full
     * virtualization (so each VM's demand holds on any host of the pool).
     */
    AUTO;

    /** The single approach asked for; null for AUTO. */
    public VirtualizationApproach fixed() {
        return this == AUTO ? null : VirtualizationApproach.valueOf(name());
    }

    /**
     * The approach of VMs that are not paravirtual under this choice: the fixed approach, or for AUTO
     * hardware-assisted when {@code poolHardwareAssist}, else full.
     */
    public VirtualizationApproach base(boolean poolHardwareAssist) {
        if (this != AUTO) return fixed();
        return poolHardwareAssist ? VirtualizationApproach.HARDWARE_ASSISTED : VirtualizationApproach.FULL;
    }

    /** Each VM's approach under this choice. */
    public VirtualizationApproach[] perVm(List<WorkloadVm> vms, boolean poolHardwareAssist) {
        VirtualizationApproach base = base(poolHardwareAssist);
        VirtualizationApproach[] out = new VirtualizationApproach[vms.size()];
        for (int v = 0; v < out.length; v++) {
            out[v] = this == AUTO && vms.get(v).paravirtCapable() ? VirtualizationApproach.PARAVIRTUAL : base;
        }
        return out;
    }
}
