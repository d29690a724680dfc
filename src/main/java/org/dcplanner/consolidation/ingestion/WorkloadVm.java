package org.dcplanner.consolidation.ingestion;

/**
 * One VM of a stored workload, with its configured size.
 *
 * @param index             0-based position of the VM in its workload (stable id within the workload)
 * @param name              name from the trace (file name, VM id column)
 * @param cores             configured virtual cores
 * @param cpuMhz            configured CPU capacity of the VM in MHz (all cores together)
 * @param memoryMib         configured memory in MiB
 * @param guestOs           guest operating system, free text ("linux", "windows"), may be null
 * @param paravirtCapable   whether the guest OS is modified for paravirtualization
 * @param workloadClass     overhead-model class of the work
 * @param antiAffinityGroup VMs sharing a non-null group must run on different hosts
 * @param affinityGroup     VMs sharing a non-null group must run on one host (may be null)
 */
public record WorkloadVm(
        int index,
        String name,
        int cores,
        double cpuMhz,
        double memoryMib,
        String guestOs,
        boolean paravirtCapable,
        WorkloadClass workloadClass,
        String antiAffinityGroup,
        String affinityGroup) {
    /** The same VM at another position (a workload cut to some of its VMs renumbers them). */
    public WorkloadVm withIndex(int newIndex) {
        return copy(newIndex, antiAffinityGroup, affinityGroup);
    }

    /** The same VM in other anti-affinity and affinity groups (null: none). */
    public WorkloadVm withGroups(String newAntiAffinityGroup, String newAffinityGroup) {
        return copy(index, newAntiAffinityGroup, newAffinityGroup);
    }

    private WorkloadVm copy(int newIndex, String newAntiAffinityGroup, String newAffinityGroup) {
        return new WorkloadVm(
                newIndex,
                name,
                cores,
                cpuMhz,
                memoryMib,
                guestOs,
                paravirtCapable,
                workloadClass,
                newAntiAffinityGroup,
                newAffinityGroup);
    }
}
