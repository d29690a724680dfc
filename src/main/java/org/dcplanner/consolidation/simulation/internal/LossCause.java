package org.dcplanner.consolidation.simulation.internal;

/**
 * Why a VM delivered less than it demanded, in the order the replay attributes the loss (each cause
 * takes the drop in performance when its factor is applied on top of the previous ones).
 */
public enum LossCause {
    /** The approach's fixed slowdown on an idle host: CPU factor, I/O throughput, vCPU cap. */
    VIRTUALIZATION_OVERHEAD("virtualization overhead"),
    /** The host's CPU was saturated (proportional share). */
    CPU_CAPACITY("host CPU capacity"),
    /** The host's disk or network was saturated. */
    IO_THROUGHPUT("host disk/network throughput"),
    /** The host's memory was overcommitted (everything slows by capacity ÷ demand). */
    MEMORY_OVERCOMMIT("memory overcommit"),
    /** Live migrations (L3: 90 % delivered while moving). */
    MIGRATION("live migration");

    private final String label;

    LossCause(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
