package org.dcplanner.consolidation.ingestion.format;

import org.dcplanner.consolidation.ingestion.WorkloadClass;

/**
 * One VM of an inventory CSV; null fields were left empty and fall back to the trace or the VM profile.
 *
 * @param line the row's line in the inventory file (for errors about it)
 */
public record InventoryRow(
        long line,
        String vm,
        Integer cores,
        Double cpuMhz,
        Double memoryMib,
        String guestOs,
        Boolean paravirtCapable,
        WorkloadClass workloadClass,
        String antiAffinityGroup,
        String affinityGroup) {

    /** This row's fields where given, else {@code lower}'s (the inventory over a trace's own metadata). */
    public InventoryRow over(InventoryRow lower) {
        return new InventoryRow(
                line,
                vm,
                cores != null ? cores : lower.cores(),
                cpuMhz != null ? cpuMhz : lower.cpuMhz(),
                memoryMib != null ? memoryMib : lower.memoryMib(),
                guestOs != null ? guestOs : lower.guestOs(),
                paravirtCapable != null ? paravirtCapable : lower.paravirtCapable(),
                workloadClass != null ? workloadClass : lower.workloadClass(),
                antiAffinityGroup != null ? antiAffinityGroup : lower.antiAffinityGroup(),
                affinityGroup != null ? affinityGroup : lower.affinityGroup());
    }
}
