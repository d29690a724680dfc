package org.dcplanner.consolidation.virtualization;

/** How the hypervisor virtualizes the guest; decides the overheads the overhead model applies. */
public enum VirtualizationApproach {
    /** Full virtualization: binary translation / trap-and-emulate of privileged instructions, unmodified guest. */
    FULL,
    /** Paravirtualization: modified guest calls the hypervisor (hypercalls, PV drivers). */
    PARAVIRTUAL,
    /** Hardware-assisted (VT-x/AMD-V), with nested paging (EPT/NPT) unless disabled per plan. */
    HARDWARE_ASSISTED
}
